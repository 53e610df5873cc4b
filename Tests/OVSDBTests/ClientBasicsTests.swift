import Foundation
import Testing
import TestSupport
import OVSDB

@Suite struct ClientBasicsTests {
    @Test func connectsListsAndTransacts() async throws {
        try await withOVN(.northboundOnly) { sandbox in
            let client = OVSDBClient(try .init(remotes: sandbox.nbRemote))
            client.start()
            defer { Task { await client.stop() } }
            try await client.waitUntilReady(timeout: 30)
            #expect(try await client.listDatabases().contains("OVN_Northbound"))
            #expect(client.schema?.version == SchemaVersion(7, 0, 0))
            #expect(client.monitorMethod == .monitorCondSince)

            let id = UUID()
            let reply = try await client.transact([
                .insert(table: "Logical_Router", row: ["name": "r1", "external_ids": .stringMap(["ovn-edge:owner": "test"])], uuid: id),
            ])
            #expect(reply[0] == .inserted(id))
            let cached = client.cache.snapshot()["Logical_Router"]
            #expect(cached[id]?.string("name") == "r1")
            #expect(cached.rows(named: "r1").map(\.uuid) == [id])
            #expect(cached.rows(withKey: "ovn-edge:owner").count == 1)
            #expect(try sandbox.nbctl("--bare", "--columns=name", "list", "Logical_Router").contains("r1"))
            await client.stop()
        }
    }
}
