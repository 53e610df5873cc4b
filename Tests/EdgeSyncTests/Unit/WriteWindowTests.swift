import Testing
@testable import EdgeSync

@Suite struct WriteWindowTests {
    @Test func outsideAWriteEveryUpdateIsDrift() {
        var window = WriteWindow()
        let first = window.isDrift(), second = window.isDrift()
        #expect(first && second)
    }

    @Test func duringAWriteOnlyTheFirstUpdateIsOurs() {
        var window = WriteWindow()
        window.open()
        let ours = window.isDrift()
        let theirs = window.isDrift()
        window.close()
        let after = window.isDrift()
        #expect(!ours)
        #expect(theirs, "a second update during our transaction is someone else's change")
        #expect(after)
    }

    @Test func eachWriteStartsCountingAgain() {
        var window = WriteWindow()
        window.open()
        _ = window.isDrift()
        window.close()
        window.open()
        let ours = window.isDrift()
        #expect(!ours)
    }
}

@Suite struct PipelinedWriteWindowTests {
    @Test func twoTransactionsInFlightOwnTwoUpdates() {
        var window = WriteWindow()
        window.open()
        window.open()
        let first = window.isDrift(), second = window.isDrift(), third = window.isDrift()
        #expect(!first && !second)
        #expect(third, "a third update while two of ours are in flight is someone else's")
    }

    @Test func aTransactionSentWhileAnotherIsOutstandingKeepsTheCount() {
        var window = WriteWindow()
        window.open()
        _ = window.isDrift() // the first one's update
        window.open()
        window.close() // the first one's reply
        let second = window.isDrift()
        let extra = window.isDrift()
        window.close()
        #expect(!second)
        #expect(extra)
        let quiet = window.isDrift()
        #expect(quiet)
    }
}
