import EdgeCore
import EdgeStore
import Foundation
import Testing

/// `setStatuses`: a report of many objects in one write — the same results, in the same order, as
/// one `setStatus` after the other, with each object's phase changes logged in report order.
@Suite struct StatusReportTests {
    @Test func aReportAppliesItsUpdatesInOrder() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let one = try fixture.network("one", cidr: "192.0.2.0/26", gateway: nil)
        let two = try fixture.network("two", cidr: "192.0.2.64/26", gateway: nil)
        let three = try fixture.network("three", cidr: "192.0.2.128/26", gateway: nil)
        let before = try store.sync.latestChangeSeq()
        let phases = try store.sync.setStatuses([
            (.externalNetwork, one.id, SyncStatus(phase: .ready, observedRevision: 1)),
            (.externalNetwork, UUID(), SyncStatus(phase: .ready, observedRevision: 1)),
            (.externalNetwork, two.id, SyncStatus(phase: .error, observedRevision: 1, message: "no chassis")),
            // The same object again: it starts from the status the first update left.
            (.externalNetwork, one.id, SyncStatus(phase: .error, observedRevision: 1, message: "gone")),
            (.externalNetwork, three.id, SyncStatus(phase: .ready, observedRevision: 1)),
            (.externalNetwork, three.id, SyncStatus(phase: .ready, observedRevision: 1)),
        ])
        #expect(phases == [.ready, nil, .error, .error, .ready, .ready])
        #expect(try store.networks.get(.id(one.id)).status.phase == .error)
        #expect(try store.networks.get(.id(one.id)).status.message == "gone")
        #expect(try store.networks.get(.id(one.id)).status.observedRevision == 1)
        #expect(try store.networks.get(.id(two.id)).status.message == "no chassis")
        #expect(try store.networks.get(.id(three.id)).status.phase == .ready)
        #expect(try store.networks.get(.id(one.id)).revision == 1, "no revision bump")

        // One entry per phase change, in the report's order, each starting where the last left.
        let log = try store.changeLog.entries(ChangeLogQuery(action: .status, afterID: before)).items
        #expect(log.map(\.objectID) == [one.id, two.id, one.id, three.id])
        #expect(log.map { $0.before?.contains(#""phase":"pending""#) == true } == [true, true, false, true])
        #expect(log[2].before?.contains(#""phase":"ready""#) == true && log[2].after?.contains(#""phase":"error""#) == true)
        // Consecutive entries that differ only in their message each log their own.
        #expect(log[1].after?.contains(#""message":"no chassis""#) == true && log[2].after?.contains(#""message":"gone""#) == true)
        #expect(log.allSatisfy { $0.actor == "reconciler" })
        #expect(Set(log.map(\.id)).count == 4 && log.map(\.id) == log.map(\.id).sorted())
    }

    /// A report as large as a bulk's batches add up to: every status and log entry, in order.
    @Test func aReportOfMoreThanAChunk() async throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let fips = try await fixture.bulkFIPs(1_201, cidr: "10.10.0.0/20")
        #expect(try store.sync.pending(kinds: [.floatingIP], limit: 2_000).count == 1_201)
        let before = try store.sync.latestChangeSeq()
        let phases = try await store.sync.setStatuses(fips.map { (.floatingIP, $0.id, SyncStatus(phase: .ready, observedRevision: 1)) })
        #expect(phases == Array(repeating: .ready, count: 1_201))
        #expect(try store.sync.pending(kinds: [.floatingIP], limit: 2_000).isEmpty)
        var log: [ChangeEntry] = [] // pages of up to 1,000
        while true {
            let page = try store.changeLog.entries(ChangeLogQuery(action: .status, afterID: log.last?.id ?? before, limit: 1_000)).items
            if page.isEmpty { break }
            log += page
        }
        // Entries in the report's order (compared as one Bool: a failure would print 1,201 ids).
        let count = log.count
        let inReportOrder = log.map(\.objectID) == fips.map(\.id)
        #expect(count == 1_201)
        #expect(inReportOrder)
    }
}
