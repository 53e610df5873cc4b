import Foundation
import Testing
import TestSupport
import OVSDB

/// Every `transact` op and the error shapes ovsdb-server 3.1 returns, against a real NB.
@Suite struct TransactOperationsTests {
    @Test func everyOperation() async throws {
        try await withOVN(.northboundOnly) { sandbox in
            try await TestClient.with(sandbox.nbRemote) { client in
                let router = UUID(), nat = UUID()
                // insert with uuid-name and explicit uuid, referenced in the same transaction
                let inserted = try await client.transact(Transaction([
                    .insert(table: "NAT", row: ["type": "snat", "external_ip": "172.16.0.10", "logical_ip": "10.0.0.0/24"],
                            uuidName: "nat1"),
                    .insert(table: "NAT", row: ["type": "dnat_and_snat", "external_ip": "172.16.0.11", "logical_ip": "10.0.0.5"],
                            uuid: nat),
                    .insert(table: "Logical_Router", row: ["name": "r1", "nat": .set([.namedUUID("nat1"), .uuid(nat)])], uuid: router),
                ], comment: "ovn-edge test"))
                #expect(inserted.results.count == 3)
                #expect(inserted[1] == .inserted(nat))
                #expect(inserted[2] == .inserted(router))
                let snatUUID = try #require(inserted[0].insertedUUID)
                #expect(client.cache.snapshot().get(NB.LogicalRouter.self, router)?.nat.sorted { $0.uuidString < $1.uuidString }
                        == [snatUUID, nat].sorted { $0.uuidString < $1.uuidString })

                // select with columns
                let selected = try await client.transact([.select(table: "NAT", where: [.equal("type", "snat")], columns: ["_uuid", "external_ip"])])
                let rows = try #require(selected[0].selectedRows)
                #expect(rows.count == 1 && rows[0].uuid == snatUUID && rows[0].string("external_ip") == "172.16.0.10")

                // update, mutate (set insert/delete, map setKeys, +=), comment, commit
                let changed = try await client.transact(Transaction([
                    .update(table: "NAT", where: [.uuid(nat)], row: ["external_mac": .optional("00:00:00:00:00:01"), "logical_port": .optional("p1")]),
                    .mutate(table: "Logical_Router", where: [.uuid(router)],
                            mutations: Mutation.setKeys("external_ids", ["ovn-edge:owner": "fip/1", "k": "v"])),
                    .mutate(table: "Logical_Router", where: [.uuid(router)], mutations: Mutation.setKeys("external_ids", ["k": "v2"])),
                    .mutate(table: "Logical_Router", where: [.uuid(router)], mutations: [.delete("nat", uuids: [snatUUID])]),
                    .insert(table: "NB_Global", row: [:]),
                    .mutate(table: "NB_Global", where: [], mutations: [.init("nb_cfg", .add, 5)]),
                    .commit(durable: false),
                ]))
                #expect(changed.results.map(\.count) == [1, 1, 1, 1, nil, 1, nil])
                let snapshot = client.cache.snapshot()
                let natRow = try #require(snapshot.get(NB.NAT.self, nat))
                #expect(natRow.externalMAC == "00:00:00:00:00:01" && natRow.logicalPort == "p1")
                #expect(snapshot.get(NB.LogicalRouter.self, router)?.externalIDs == ["ovn-edge:owner": "fip/1", "k": "v2"])
                #expect(snapshot.all(NB.Global.self).first?.nbCfg == 5)
                // The snat row lost its only reference: garbage-collected at commit.
                #expect(snapshot.get(NB.NAT.self, snatUUID) == nil)

                // wait: a met precondition passes, an unmet one fails with timedOut at its index
                _ = try await client.transact([
                    .requireColumns("NAT", uuid: nat, ["external_ip": "172.16.0.11"]),
                    .wait(table: "Logical_Router", where: [.equal("name", "r1")], columns: ["name"], until: .equal, rows: [["name": "r1"]], timeout: 0),
                ])
                let unmet = await #expect(throws: OVSDBError.self) {
                    try await client.transact([.comment("x"), .requireAbsent("NAT", uuid: nat)])
                }
                #expect(unmet?.transactionFailure?.operationIndex == 1)
                #expect(unmet?.transactionFailure?.kind == .timedOut)

                // assert without the lock
                let notOwner = await #expect(throws: OVSDBError.self) {
                    try await client.transact(Transaction([.delete(table: "Logical_Router", where: [.uuid(router)])], assertLock: "edge"))
                }
                #expect(notOwner?.transactionFailure?.kind == .notOwner)
                #expect(notOwner?.transactionFailure?.operationIndex == nil)
                #expect(client.cache.snapshot().get(NB.LogicalRouter.self, router) != nil)
                #expect(try await client.lock("edge"))
                _ = try await client.transact([.assert(lock: "edge"), .comment("holding edge")])

                // delete a root row: its NAT rows go with it
                let deleted = try await client.transact(Transaction([.delete(NB.LogicalRouter.self, router)], assertLock: "edge"))
                #expect(deleted[0] == .count(1))
                #expect(client.cache.snapshot()["NAT"].isEmpty)
                #expect(client.cache.snapshot()["Logical_Router"].isEmpty)
            }
        }
    }

    @Test func errorsAreTyped() async throws {
        try await withOVN(.northboundOnly) { sandbox in
            try await TestClient.with(sandbox.nbRemote) { client in
                func failure(_ ops: [OVSDBOperation]) async -> TransactionFailure? {
                    do { _ = try await client.transact(ops); return nil } catch let error as OVSDBError { return error.transactionFailure } catch { return nil }
                }
                // an enum violation: the op fails, later ops come back null
                let natType = await failure([
                    .insert(table: "NAT", row: ["type": "masquerade"]),
                    .insert(table: "Logical_Switch", row: ["name": "never"]),
                ])
                #expect(natType?.kind == .constraintViolation && natType?.operationIndex == 0)
                #expect(natType?.error.details?.contains("masquerade") == true)

                // a dangling strong reference: the N+1 commit error
                let dangling = await failure([.mutate(table: "Logical_Router", where: [], mutations: [])] + [
                    .insert(table: "Logical_Router", row: ["name": "r", "nat": .uuidSet([UUID()])]),
                ])
                #expect(dangling?.kind == .referentialIntegrityViolation)
                #expect(dangling?.isCommitError == true && dangling?.operationIndex == nil)
                #expect(dangling?.results.count == 2)

                // index clash on LSP name, also a commit error
                let dup = await failure([
                    .insert(table: "Logical_Switch_Port", row: ["name": "dup"], uuidName: "a"),
                    .insert(table: "Logical_Switch_Port", row: ["name": "dup"], uuidName: "b"),
                    .insert(table: "Logical_Switch", row: ["name": "ls", "ports": .set([.namedUUID("a"), .namedUUID("b")])]),
                ])
                #expect(dup?.kind == .constraintViolation && dup?.isCommitError == true)

                #expect(await failure([.insert(table: "Logical_Switch", row: [:], uuidName: "x"),
                                       .insert(table: "Logical_Switch", row: [:], uuidName: "x")])?.kind == .duplicateUUIDName)
                #expect(await failure([.insert(table: "Logical_Switch", row: ["nmae": "x"])])?.kind == .unknownColumn)
                #expect(await failure([.insert(table: "Nope", row: [:])])?.kind == .syntaxError)
                #expect(await failure([.insert(table: "Gateway_Chassis", row: ["priority": 40000])])?.kind == .constraintViolation)
                #expect(await failure([.insert(table: "Logical_Switch", row: [:]), .abort])?.kind == .aborted)
                let id = UUID()
                _ = try await client.transact([.insert(table: "Logical_Switch", row: [:], uuid: id)])
                #expect(await failure([.insert(table: "Logical_Switch", row: [:], uuid: id)])?.kind == .duplicateUUID)
                // capabilities of the installed schema
                let capabilities = try #require(client.capabilities)
                #expect(!capabilities.mirrorFilterBoth && !capabilities.mirrorTypeLocal)
                #expect(await failure([.insert(NB.Mirror(name: "m", type: "local", index: 1, filter: "from-lport", sink: "1.1.1.1"))])?.kind == .constraintViolation)

                // request-level errors
                await #expect(throws: OVSDBError.server(method: "get_schema", ServerError(error: "unknown database",
                    details: "get_schema request specifies unknown database Nope", syntax: "[\"Nope\"]"))) {
                    _ = try await client.getSchema("Nope")
                }
                let unknown = await #expect(throws: OVSDBError.self) { _ = try await client.call("no_such_method", []) }
                if case .server(_, let error)? = unknown { #expect(error.kind == .unknownMethod) } else { Issue.record("\(String(describing: unknown))") }
                #expect(try await client.echo(["ping", 1]) == ["ping", 1])
                #expect(try await client.listDatabases().sorted() == ["OVN_Northbound", "_Server"])
                #expect(try await client.getSchema().version == SchemaVersion(7, 0, 0))
            }
        }
    }
}
