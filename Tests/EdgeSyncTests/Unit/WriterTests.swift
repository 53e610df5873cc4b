import EdgeCore
import Foundation
import OVSDB
import Testing
@testable import EdgeSync

/// Batching and failure isolation, with a stand-in for the NB transaction.
@Suite struct WriterTests {
    func plan(_ marker: String, ops: Int = 2) -> ObjectPlan {
        let operations = (0..<ops).map { _ in OVSDBOperation.comment(marker) }
        return ObjectPlan(key: ObjectKey(kind: .floatingIP, id: UUID()), revision: 1, deleting: false, orphan: false, action: .write(operations))
    }

    @Test func packsIntoBoundedBatches() {
        let plans = (0..<1000).map { plan("ok\($0)") }
        let batches = BatchPacker.pack(plans, maxOperations: 800)
        #expect(batches.map(\.count) == [400, 400, 200])
        #expect(batches.allSatisfy { $0.flatMap(\.operations).count <= 800 })
        #expect(BatchPacker.pack([plan("big", ops: 900)], maxOperations: 800).count == 1)
    }

    @Test func commitErrorIsBisectedToTheBadObject() async throws {
        let counter = Counter()
        let writer = BatchWriter(lockName: nil) { transaction in
            counter.increment()
            if transaction.operations.contains(.comment("bad")) {
                throw OVSDBError.transactionFailed(TransactionFailure(operationIndex: nil, isCommitError: true,
                                                                      error: ServerError(error: "constraint violation", details: "dup"), results: []))
            }
            return TransactionReply(results: [])
        }
        var plans = (0..<64).map { plan("ok\($0)") }
        plans[37] = plan("bad")
        let outcome = try await writer.write(plans)
        #expect(outcome.succeeded.count == 63)
        #expect(outcome.failed.count == 1 && outcome.failed[0].0.key == plans[37].key)
        #expect(outcome.transactions == counter.value)
        #expect(outcome.transactions <= 2 * 6 + 1) // log2(64) levels, two halves each
    }

    @Test func opErrorSetsTheObjectAsideWithoutBisecting() async throws {
        let writer = BatchWriter(lockName: nil) { transaction in
            if let index = transaction.operations.firstIndex(of: .comment("bad")) {
                throw OVSDBError.transactionFailed(TransactionFailure(operationIndex: index, error: ServerError(error: "constraint violation", details: "x"), results: []))
            }
            return TransactionReply(results: [])
        }
        var plans = (0..<10).map { plan("ok\($0)") }
        plans[4] = plan("bad")
        let outcome = try await writer.write(plans)
        #expect(outcome.transactions == 2)
        #expect(outcome.failed.map(\.0.key) == [plans[4].key])
    }

    @Test func lostLockStopsThePass() async {
        let writer = BatchWriter(lockName: "ovn_edge") { _ in
            throw OVSDBError.transactionFailed(TransactionFailure(operationIndex: nil, error: ServerError(error: "not owner", details: nil), results: []))
        }
        await #expect(throws: OVSDBError.self) { try await writer.write([plan("a"), plan("b")]) }
    }

    @Test func derivedUUIDsAndOwnerTags() {
        let id = UUID()
        #expect(DerivedUUID.make(id, role: "lsp") == DerivedUUID.make(id, role: "lsp"))
        #expect(DerivedUUID.make(id, role: "lsp") != DerivedUUID.make(id, role: "route-ipv4"))
        #expect(DerivedUUID.make(id, role: "lsp") != id)
        let key = ObjectKey(kind: .routerGateway, id: id)
        #expect(Ownership.parse(Ownership.tag(key)) == key)
        #expect(Ownership.parse("nonsense") == nil)
    }
}

final class Counter: @unchecked Sendable {
    // Safe: `count` is only touched under `lock`.
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
