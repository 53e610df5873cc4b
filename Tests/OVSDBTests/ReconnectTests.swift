import Foundation
import Testing
import TestSupport
import OVNSandbox
import OVSDB
#if canImport(Glibc)
import Glibc
#endif

/// ovsdb-server killed and restarted under a monitoring client: the cache ends equal to the
/// database, including changes made while the client was away.
@Suite struct ReconnectTests {
    static let tables = MonitoredTable.northboundEdge.map(\.name)

    @Test func cacheIsConsistentAfterServerRestart() async throws {
        try await withOVN(.northboundOnly) { sandbox in
            try await TestClient.with(sandbox.nbRemote) { client in
                let events = client.events()
                try sandbox.nbctl("ls-add", "keep", "--", "ls-add", "gone", "--", "lr-add", "r0")
                try await waitUntil(timeout: 10) { client.cache.snapshot()["Logical_Switch"].count == 2 }
                let gone = try #require(client.cache.snapshot().named(NB.LogicalSwitch.self, "gone").first)
                let updates = client.cache.updates()

                // Kill the server by the pid in its pidfile.
                let pidText = try String(contentsOfFile: sandbox.path("nb.pid"), encoding: .utf8)
                let pid = try #require(pid_t(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
                kill(pid, SIGKILL)
                try await waitUntil(timeout: 10) { !processIsAlive(pid) && !client.isReady }

                // A transaction issued while the server is down waits for the reconnect.
                let pending = Task {
                    try await client.transact(Transaction([.insert(NB.LogicalSwitch(name: "while-down"))], timeout: 30))
                }

                // Change the database file while no server runs: one row gone, one new.
                let installation = try OVNInstallation.locate()
                try ProcessRunner.run(installation.ovsdbTool, ["transact", sandbox.path("nb.db"), """
                    ["OVN_Northbound",
                     {"op":"delete","table":"Logical_Switch","where":[["name","==","gone"]]},
                     {"op":"insert","table":"Logical_Switch","row":{"name":"offline"}},
                     {"op":"update","table":"Logical_Router","where":[],"row":{"options":["map",[["chassis","gw1"]]]}}]
                    """])
                try sandbox.start(.northboundOnly)

                let reply = try await pending.value
                #expect(reply.insertedUUIDs.count == 1)
                try await waitUntil(timeout: 20) { client.isReady && client.cache.snapshot().named(NB.LogicalSwitch.self, "while-down").count == 1 }
                let snapshot = client.cache.snapshot()
                #expect(snapshot["Logical_Switch"][gone.uuid] == nil)
                #expect(snapshot.named(NB.LogicalSwitch.self, "offline").count == 1)
                #expect(snapshot.named(NB.LogicalRouter.self, "r0").first?.options == ["chassis": "gw1"])
                #expect(TestClient.cacheContent(client, tables: Self.tables) == (try await TestClient.serverContent(client, tables: Self.tables)))

                // The resync reported the row deleted offline.
                var sawDelete = false
                for await update in updates {
                    if update.changes.contains(where: { $0.uuid == gone.uuid && $0.kind == .delete }) {
                        #expect(update.cause == .resync)
                        sawDelete = true
                        break
                    }
                }
                #expect(sawDelete)
                var sawDisconnect = false, connects = 0
                for await event in events {
                    if case .disconnected = event { sawDisconnect = true }
                    if case .connected = event { connects += 1; break }
                }
                #expect(sawDisconnect && connects == 1)
                #expect(client.connectionCount == 2)
            }
        }
    }
}
