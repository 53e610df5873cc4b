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
