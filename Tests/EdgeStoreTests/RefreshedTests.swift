import EdgeCore
import EdgeStore
import Foundation
import Testing

/// `Repository.refreshed`: what a bulk's `?wait` answers with — each object as stored now, its
/// status read from the row, in full when something else changed it, as given when it is gone.
@Suite struct RefreshedTests {
    @Test func objectsComeBackAsStoredNow() async throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let created = try await fixture.bulkFIPs(1_003, cidr: "10.10.0.0/22")
        fixture.advance(5)
        let condition = StatusCondition(type: "Ready", status: .true, reason: "Synced", message: "in NB", lastTransitionTime: fixture.time)
        // Most settle with one conditions text, one with another, one fails; three stay pending.
        var report = created.dropLast(3).map { (kind: ResourceKind.floatingIP, id: $0.id, status: SyncStatus(phase: .ready, observedRevision: 1, conditions: [condition])) }
        report[500].status = SyncStatus(phase: .ready, observedRevision: 1, conditions: [StatusCondition(
            type: "Ready", status: .true, reason: "Adopted", message: nil, lastTransitionTime: fixture.time)])
        report[7].status = SyncStatus(phase: .error, message: "no such router")
        try await store.sync.setStatuses(report)
        // Changed by others meanwhile: relabelled (revision 2), deleted (deleting), purged.
        fixture.advance(1)
        let relabelled = try store.fips.update(.id(created[1].id), context: fixture.user) { $0.labels = ["team": "blue"] }
        let deleting = try store.fips.delete(.id(created[2].id), context: fixture.user)
        _ = try store.fips.delete(.id(created[3].id), context: fixture.user)
        #expect(try store.sync.purge(.floatingIP, id: created[3].id))

        let current = try store.fips.refreshed(created)
        #expect(current.map(\.id) == created.map(\.id), "same objects, same order")
        for (index, object) in current.enumerated() where ![1, 2, 3].contains(index) {
            #expect(object == (try store.fips.get(.id(object.id))), "object \(index) as stored")
        }
        #expect(current[0].status.conditions == [condition] && current[0].status.phase == .ready)
        #expect(current[500].status.conditions.first?.reason == "Adopted")
        #expect(current[7].status.phase == .error && current[7].status.message == "no such router")
        #expect(current.suffix(3).allSatisfy { $0.status.phase == .pending })
        #expect(current[1] == relabelled && current[1].metadata.labels == ["team": "blue"])
        #expect(current[2] == deleting && current[2].status.phase == .deleting)
        #expect(current[3] == created[3], "a purged object keeps the form it was given in")
        #expect(try store.fips.refreshed([]).isEmpty)
    }
}
