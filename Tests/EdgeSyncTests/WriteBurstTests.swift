import EdgeCore
import EdgeStore
import Foundation
import OVNSandbox
import Testing
import TestSupport
@testable import EdgeSync

/// Writes arriving while passes run, as the API sends them (a store write, then a desired-state
/// signal): none may be left behind, whichever pass picks it up, and the NB view the reconciler
/// keeps (following the router's NAT column by the atoms each diff toggled) stays equal to the
/// cache.
@Suite(.serialized) struct WriteBurstTests {
    @Test func aBurstOfConcurrentWritesAllReachNB() async throws {
        try await withOVN(.full) { sandbox in
            let fixture = try DriftAndConflictTests.prepared(sandbox)
            let (reconciler, _) = fixture.startReconciler(options: IncrementalDriftTests.options)
            #expect(await fixture.eventually { reconciler.state.isReady })
            let count = 120
            let eips = try (0..<count).map { try Topology.eip(fixture.store, "172.19.\(2 + $0 / 200).\(10 + $0 % 200)") }
            let transactionsBefore = reconciler.state.transactions
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, eip) in eips.enumerated() {
                    group.addTask {
                        let input = ResourceInput(spec: FloatingIPSpec(
                            eip: .id(eip.id), router: "vpc1", internalIP: IPAddress("192.168.0.\(10 + index)")!))
                        _ = try await fixture.store.fips.createAsync(input, context: .system)
                        fixture.changed()
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await fixture.eventually { try fixture.count("NAT") == count && fixture.store.sync.unsyncedCount() == 0 })
            let external = try fixture.nbctl("--bare", "--columns=external_ip", "find", "NAT")
            let addresses = external.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(Set(addresses) == Set(eips.compactMap { $0.spec.ipV4?.description }))
            #expect(reconciler.state.transactions > transactionsBefore)
            IncrementalDriftTests.expectAudited(reconciler)
            await fixture.stopAll()
        }
    }
}
