import Foundation
import Testing
import TestSupport
import OVSDB

/// 10,000 NAT rows in one transaction, then a fresh client's initial monitor dump of them.
/// Times are printed, not asserted (speed is measured in benchmarks/).
@Suite struct BulkTransactionTests {
    static let count = 10_000

    static func natRows(router: UUID, base: Int) -> [OVSDBOperation] {
        var ops: [OVSDBOperation] = []
        var uuids: [UUID] = []
        for i in 0..<count {
            let ip = "172.\(16 + (base + i) / 65536).\((i / 256) % 256).\(i % 256)"
            let nat = NB.NAT(type: .dnatAndSnat, externalIP: ip, logicalIP: "10.\(i / 65536).\((i / 256) % 256).\(i % 256)",
                             externalIDs: ["ovn-edge:owner": "fip/\(i)", "ovn-edge:revision": "1"])
            ops.append(.insert(nat))
            uuids.append(nat.uuid)
        }
        ops.append(.addReferences(NB.LogicalRouter.self, router, column: "nat", uuids))
        return ops
    }

    @Test func tenThousandRowsInOneTransaction() async throws {
        try await withOVN(.northboundOnly) { sandbox in
            try await TestClient.with(sandbox.nbRemote) { client in
                let router = UUID()
                _ = try await client.transact([.insert(NB.LogicalRouter(uuid: router, name: "edge"))])
                let ops = Self.natRows(router: router, base: 0)
                let clock = ContinuousClock()
                let start = clock.now
                let reply = try await client.transact(Transaction(ops, timeout: 60))
                let elapsed = clock.now - start
                #expect(reply.results.count == Self.count + 1)
                #expect(reply.insertedUUIDs.count == Self.count)
                // The monitor update arrived before the reply: the cache already has every row.
                let snapshot = client.cache.snapshot()
                #expect(snapshot["NAT"].count == Self.count)
                #expect(snapshot.owned(NB.NAT.self).count == Self.count)
                #expect(snapshot.get(NB.LogicalRouter.self, router)?.nat.count == Self.count)
                print("[measure] OVSDB client: \(Self.count)-row NAT insert transaction (insert + mutate, reply and cache update): \(elapsed)")

                // A second client loads all of it with its initial monitor reply.
                let loadStart = clock.now
                try await TestClient.with(sandbox.nbRemote) { second in
                    let loadElapsed = clock.now - loadStart
                    #expect(second.cache.snapshot()["NAT"].count == Self.count)
                    print("[measure] OVSDB client: connect + initial monitor dump of \(Self.count) NAT rows (10 tables): \(loadElapsed)")

                    // Unlinking half of them garbage-collects those rows; both caches follow.
                    let half = Array(snapshot.get(NB.LogicalRouter.self, router)!.nat.prefix(Self.count / 2))
                    let unlinkStart = clock.now
                    _ = try await client.transact([.removeReferences(NB.LogicalRouter.self, router, column: "nat", half)])
                    print("[measure] OVSDB client: unlink (GC) of \(half.count) NAT rows: \(clock.now - unlinkStart)")
                    #expect(client.cache.snapshot()["NAT"].count == Self.count / 2)
                    try await waitUntil(timeout: 20) { second.cache.snapshot()["NAT"].count == Self.count / 2 }
                }

                // The same 10,000 NAT rows with ovn-nbctl in one invocation (one transaction).
                var arguments = ["--", "lr-add", "nbctl-router"]
                for i in 0..<Self.count {
                    arguments += ["--", "lr-nat-add", "nbctl-router", "dnat_and_snat",
                                  "192.\(168 + i / 65536).\((i / 256) % 256).\(i % 256)", "10.9.\((i / 256) % 256).\(i % 256)"]
                }
                let nbctlStart = clock.now
                try sandbox.nbctl(arguments: arguments)
                print("[measure] ovn-nbctl: \(Self.count) NAT rows in one invocation (create + add): \(clock.now - nbctlStart)")
                try await waitUntil(timeout: 20) { client.cache.snapshot()["NAT"].count == Self.count / 2 + Self.count }
            }
        }
    }
}
