import EdgeCore
import EdgeStore
import Foundation
import Testing

@Suite struct SyncTests {
    @Test func statusWriteBackDoesNotBumpTheRevision() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let network = try fixture.network()
        #expect(try store.sync.pending().map(\.id) == [network.id])
        let condition = StatusCondition(type: "Programmed", status: .true, lastTransitionTime: fixture.time)
        #expect(try store.sync.setStatus(.externalNetwork, id: network.id, status: SyncStatus(phase: .ready, observedRevision: 1, conditions: [condition])) == .ready)
        let ready = try store.networks.get(.id(network.id))
        #expect(ready.revision == 1 && ready.status.phase == .ready && ready.status.conditions == [condition])
        #expect(try store.sync.pending().isEmpty)

        // A spec change makes it pending again; a late "ready" for revision 1 does not hide it.
        let before = try store.sync.latestChangeSeq()
        _ = try store.networks.update(.id(network.id), context: fixture.user) { $0.spec.gatewayChassis = ["gw1"] }
        let pending = try store.sync.pending(afterChangeSeq: before)
        #expect(pending.map(\.revision) == [2] && pending[0].observedRevision == 1)
        #expect(try store.sync.setStatus(.externalNetwork, id: network.id, status: SyncStatus(phase: .ready, observedRevision: 1)) == .pending)
        #expect(try store.sync.setStatus(.externalNetwork, id: network.id, status: SyncStatus(phase: .error, observedRevision: 1, message: "no such chassis")) == .error)
        #expect(try store.networks.get(.id(network.id)).status.message == "no such chassis")
        #expect(try store.sync.pending().map(\.phase) == [.error], "errors are retried")
        #expect(try store.sync.setStatus(.externalNetwork, id: network.id, status: SyncStatus(phase: .ready, observedRevision: 2)) == .ready)
        #expect(try store.sync.setStatus(.externalNetwork, id: UUID(), status: SyncStatus(phase: .ready)) == nil)

        // Phase changes are logged for the event stream.
        let statusEvents = try store.changeLog.entries(ChangeLogQuery(action: .status)).items
        #expect(statusEvents.map { $0.after?.contains("\"phase\":\"ready\"") == true } == [true, false, true] && statusEvents.allSatisfy { $0.actor == "reconciler" })

        // Deleting objects stay deleting whatever the reconciler reports, until purged.
        try store.networks.delete(.id(network.id), context: fixture.user)
        #expect(try store.sync.setStatus(.externalNetwork, id: network.id, status: SyncStatus(phase: .error, message: "busy")) == .deleting)
        #expect(try store.sync.purge(.externalNetwork, id: network.id))
    }

    @Test func idempotencyKeysReplayTheFirstResponse() throws {
        let fixture = try StoreFixture()
        let keys = fixture.store.idempotencyKeys
        #expect(try keys.replay(scope: "tok1", key: "k", requestHash: "h1") == nil)
        let stored = try keys.save(scope: "tok1", key: "k", requestHash: "h1", status: 201, response: Data("first".utf8))
        let again = try keys.save(scope: "tok1", key: "k", requestHash: "h1", status: 201, response: Data("second".utf8))
        #expect(again == stored && again.response == Data("first".utf8))
        #expect(try keys.replay(scope: "tok1", key: "k", requestHash: "h1")?.status == 201)
        #expect(throws: StoreError.idempotencyKeyReused(key: "k")) { try keys.replay(scope: "tok1", key: "k", requestHash: "other") }
        #expect(try keys.replay(scope: "tok2", key: "k", requestHash: "h1") == nil, "keys are per client")
        fixture.advance(3600)
        #expect(try keys.purge(olderThan: fixture.time) == 1)
    }

    @Test func networkUsageCounts() throws {
        let fixture = try StoreFixture()
        try fixture.network(cidr: "192.0.2.0/28", exclude: ["192.0.2.10..192.0.2.12"])
        _ = try fixture.eip()
        _ = try fixture.store.routerGateways.create(ResourceInput(spec: RouterGatewaySpec(router: "r1", network: .name("public"))), context: fixture.user)
        let usage = try fixture.store.networks.usage(.name("public"))
        #expect(usage.eips == 2 && usage.routerGateways == 1 && usage.v6 == nil)
        #expect(usage.v4?.usable == 10 && usage.v4?.allocated == 2 && usage.v4?.free == 8)
    }
}
