import EdgeCore
import EdgeStore
import EdgeSync
import Foundation
import OVNSandbox
import Testing
import TestSupport

/// Two ovn-edge reconcilers against one NB: the lock holder writes, the other waits and takes
/// over when the first goes away.
@Suite(.serialized) struct WriterLockTests {
    @Test func secondReconcilerStaysStandbyAndTakesOver() async throws {
        try await withOVN(.full) { sandbox in
            let fixture = try DriftAndConflictTests.prepared(sandbox)
            let store = fixture.store
            let first = Reconciler(store: store, signals: fixture.signals, nbRemotes: sandbox.nbRemote,
                                   options: ReconcilerOptions(fullResyncInterval: 30, driftDebounce: 0.05, retryDelay: 0.2))
            let firstTask = Task { _ = try? await first.run() }
            #expect(await fixture.eventually { first.state.isReady })
            let secondSignals = StoreSignals()
            let (second, _) = fixture.startReconciler(signals: secondSignals)
            #expect(await fixture.eventually { second.state.role == .standby })
            #expect(!second.state.isReady && !second.state.holdsWriterLock)

            let eip = try Topology.eip(store, "172.19.0.20")
            let fip = try store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .id(eip.id), router: "vpc1", internalIP: IPAddress("192.168.0.2")!)), context: .system)
            fixture.changed()
            secondSignals.raise(.desiredState)
            #expect(try await fixture.eventually { try store.fips.get(.id(fip.id)).status.phase == .ready })
            #expect(second.state.transactions == 0)

            firstTask.cancel()
            await firstTask.value
            #expect(await fixture.eventually { second.state.isReady })
            #expect(second.state.role == .active)
            let eip2 = try Topology.eip(store, "172.19.0.21")
            let fip2 = try store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .id(eip2.id), router: "vpc1", internalIP: IPAddress("192.168.0.3")!)), context: .system)
            secondSignals.raise(.desiredState)
            #expect(try await fixture.eventually { try store.fips.get(.id(fip2.id)).status.phase == .ready })
            #expect(second.state.transactions > 0)
            await fixture.stopAll()
        }
    }
}
