import EdgeCore
import EdgeStore
import EdgeSync
import Foundation
import OVNSandbox
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// 2,000 floating IPs, and the NB ovsdb-server killed and restarted while they are written:
/// everything converges, nothing is duplicated.
@Suite(.serialized) struct BulkRestartTests {
    static let count = 2000

    @Test func bulkCreateSurvivesNBRestart() async throws {
        try await withOVN(.full) { sandbox in
            let fixture = try DriftAndConflictTests.prepared(sandbox)
            let store = fixture.store
            // 4,000 synchronous writes: on a thread of their own, not a cooperative one for seconds.
            try await offPool {
                for index in 0..<Self.count {
                    let ip = "172.19.\(10 + index / 250).\(1 + index % 250)"
                    let eip = try Topology.eip(store, ip)
                    _ = try store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .id(eip.id), router: "vpc1",
                                                                                 internalIP: IPAddress("10.\(index / 250).\(index % 250).1")!)), context: .system)
                }
            }
            let started = Date()
            let (reconciler, _) = fixture.startReconciler(options: ReconcilerOptions(maxOperationsPerTransaction: 200, fullResyncInterval: 30,
                                                                                    driftDebounce: 0.05, retryDelay: 0.2))
            fixture.changed()
            // Kill NB as soon as the first rows land, then bring it back with its database.
            #expect(await fixture.eventually(timeout: 60) { reconciler.state.transactions > 0 })
            let pid = try #require(sandbox.status().first { $0.name == "nb" }?.pid)
            kill(pid, SIGKILL)
            #expect(await fixture.eventually { sandbox.status().first { $0.name == "nb" }?.pid == nil })
            try sandbox.start(.full)
            #expect(try await fixture.eventually(timeout: 120) { try store.sync.unsyncedCount() == 0 })
            let elapsed = Date().timeIntervalSince(started)
            let nats = try fixture.nbctl("--bare", "--columns=external_ip", "find", "NAT", "type=dnat_and_snat")
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(nats.count == Self.count)
            #expect(Set(nats).count == Self.count)
            #expect(try fixture.nbctl("--bare", "--columns=nat", "list", "Logical_Router", "vpc1").split(separator: " ").count == Self.count)
            print("bulk: \(Self.count) FIPs ready in NB in \(String(format: "%.2f", elapsed)) s with \(reconciler.state.transactions) transactions (NB killed and restarted once)")
            await fixture.stopAll()
        }
    }
}
