import EdgeCore
import Foundation
import OVSDB
import Testing
@testable import EdgeSync

/// The hand-over of batch outcomes to the status reporter.
@Suite struct OutcomeInboxTests {
    func outcome(_ count: Int) -> BatchWriter.Outcome {
        let plans = (0..<count).map { _ in
            ObjectPlan(key: ObjectKey(kind: .floatingIP, id: UUID()), revision: 1, deleting: false, orphan: false, action: .upToDate)
        }
        return BatchWriter.Outcome(succeeded: plans)
    }

    /// What arrived while the reader was busy is taken in one go, in order; nil after finish.
    @Test func takesEverythingWaitingAtOnce() async {
        let inbox = OutcomeInbox()
        let first = outcome(1), second = outcome(2), third = outcome(3)
        inbox.put(first)
        inbox.put(second)
        let taken = await inbox.takeAll()
        #expect(taken?.map { $0.succeeded.map(\.key) } == [first.succeeded.map(\.key), second.succeeded.map(\.key)])
        inbox.put(third)
        inbox.finish()
        #expect(await inbox.takeAll()?.map(\.succeeded.count) == [3])
        #expect(await inbox.takeAll() == nil)
    }

    /// A reader waiting on an empty inbox wakes for the next outcome, and for finish.
    @Test func waitingReaderWakes() async {
        let inbox = OutcomeInbox()
        async let taken = inbox.takeAll()
        try? await Task.sleep(nanoseconds: 20_000_000)
        inbox.put(outcome(4))
        #expect(await taken?.map(\.succeeded.count) == [4])
        async let none = inbox.takeAll()
        try? await Task.sleep(nanoseconds: 20_000_000)
        inbox.finish()
        #expect(await none == nil)
    }

    /// Reports hold at most `maxStatusesPerReport` objects, an outcome larger than that alone.
    @Test func reportsAreBounded() {
        let limit = Reconciler.maxStatusesPerReport
        let sizes = [limit / 2, limit / 2, 1, limit + 5, 3]
        let groups = Reconciler.reports(sizes.map(outcome))
        #expect(groups.map { $0.map(\.succeeded.count) } == [[limit / 2, limit / 2], [1], [limit + 5], [3]])
        #expect(Reconciler.reports([]).isEmpty)
    }
}
