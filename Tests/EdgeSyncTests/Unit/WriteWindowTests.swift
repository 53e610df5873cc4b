import Foundation
import OVSDB
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

/// Which rows a transaction of ours can change decides too: another writer's update that
/// arrives first is drift, not ours.
@Suite struct RowAwareWriteWindowTests {
    let nat = UUID(), router = UUID(), gone = UUID(), theirs = UUID()

    @Test func anUpdateOutsideOurRowsIsDriftAndOursStillCounts() {
        var window = WriteWindow()
        window.open(touching: [nat, router])
        let foreignFirst = window.isDrift([theirs])
        let ours = window.isDrift([nat, router])
        let extra = window.isDrift([nat])
        window.close()
        #expect(foreignFirst, "another writer's row is never ours")
        #expect(!ours)
        #expect(extra, "one update per transaction")
    }

    @Test func anUnknownTransactionFallsBackToCounting() {
        var window = WriteWindow()
        window.open(touching: [nat])
        window.open(touching: nil)
        let first = window.isDrift([theirs]), second = window.isDrift([theirs]), third = window.isDrift([nat])
        #expect(!first && !second, "with one transaction that cannot say, any row may be ours")
        #expect(third)
    }

    @Test func rowsOfOperations() {
        let operations: [OVSDBOperation] = [
            .insert(table: "NAT", row: ["external_ip": .string("172.19.0.11")], uuid: nat),
            .mutate(table: "Logical_Router", where: [.uuid(router)], mutations: [.insert("nat", uuids: [nat]), .delete("nat", uuids: [gone])]),
            .delete(table: "Load_Balancer", where: [.uuid(theirs)]),
            .comment("ovn-edge"),
        ]
        #expect(WriteWindow.rows(changedBy: operations) == [nat, router, gone, theirs])
        #expect(WriteWindow.rows(changedBy: [.delete(table: "NAT", where: [.equal("external_ip", .string("172.19.0.11"))])]) == nil)
        #expect(WriteWindow.rows(changedBy: [.insert(table: "NAT", row: [:], uuidName: "n")]) == nil)
    }
}
