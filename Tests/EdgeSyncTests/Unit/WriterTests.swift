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

    /// Every batch `PlannedBatches` gives, in order.
    func drain(_ batches: PlannedBatches) -> [[ObjectPlan]] {
        var batches = batches
        var out: [[ObjectPlan]] = []
        while let batch = batches.next() { out.append(batch) }
        return out
    }

    @Test func packsIntoBoundedBatches() {
        let plans = (0..<1000).map { plan("ok\($0)") }
        let batches = drain(PlannedBatches(plans: plans, maxOperations: 800))
        #expect(batches.map(\.count) == [400, 400, 200])
        #expect(batches.allSatisfy { $0.flatMap(\.operations).count <= 800 })
        #expect(drain(PlannedBatches(plans: [plan("big", ops: 900)], maxOperations: 800)).count == 1)
    }

    /// Planned chunk by chunk as batches are asked for, packed as if planned at once (a chunk's
    /// last partial batch fills up from the next chunk), and the plans that need no write are
    /// handed out as they are planned.
    @Test func plansChunksOnDemand() {
        var plans: [ObjectKey: ObjectPlan] = [:]
        var keys: [ObjectKey] = []
        for index in 0..<1000 {
            var made = plan("ok\(index)", ops: index % 7 == 0 ? 3 : 2)
            if index % 10 == 3 { made.action = .upToDate }
            if index == 500 { made.action = .blocked(.rejected("no")) }
            plans[made.key] = made
            keys.append(made.key)
        }
        let planned = Counter()
        var batches = PlannedBatches(keys, chunk: 150, maxOperations: 800) { chunk in
            for _ in chunk { planned.increment() }
            return chunk.map { plans[$0]! }
        }
        let first = batches.next()
        #expect(first != nil && planned.value < 1000)
        #expect(batches.takeSettled().done.count == planned.value / 10)
        var sent = [first!]
        while let batch = batches.next() { sent.append(batch) }
        #expect(planned.value == 1000)
        let settled = batches.takeSettled()
        #expect(settled.failed.map(\.0.key) == [keys[500]])
        let writes = keys.map { plans[$0]! }.filter { !$0.operations.isEmpty }
        #expect(sent.flatMap { $0.map(\.key) } == writes.map(\.key))
        #expect(sent.map { $0.map(\.key) } == drain(PlannedBatches(plans: writes, maxOperations: 800)).map { $0.map(\.key) })
        #expect(sent.allSatisfy { $0.flatMap(\.operations).count <= 800 })
    }

    /// A full batch goes as soon as it is full: one chunk of 400 two-op objects is the first
    /// batch, without planning the next chunk first.
    @Test func aFullBatchNeedsNoFurtherPlanning() {
        let plans = (0..<1000).map { plan("ok\($0)") }
        let byKey = Dictionary(uniqueKeysWithValues: plans.map { ($0.key, $0) })
        let planned = Counter()
        var batches = PlannedBatches(plans.map(\.key), chunk: 400, maxOperations: 800) { chunk in
            for _ in chunk { planned.increment() }
            return chunk.map { byKey[$0]! }
        }
        #expect(batches.next()?.count == 400)
        #expect(planned.value == 400)
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

/// Link mutates merged per row and column, behind the other ops; sources kept for blame.
@Suite struct BatchOperationsTests {
    let router = UUID()

    func fip(_ id: UUID = UUID()) -> ObjectPlan {
        let name = RowDiffer.uuidName(id)
        return ObjectPlan(key: ObjectKey(kind: .floatingIP, id: id), revision: 1, deleting: false, orphan: false, action: .write([
            .insert(table: "NAT", row: ["type": "dnat_and_snat"], uuid: id, uuidName: name),
            .mutate(table: "Logical_Router", where: [.uuid(router)], mutations: [.insert("nat", .set([.namedUUID(name)]))]),
        ]))
    }

    @Test func linksIntoOneColumnBecomeOneMutateAfterTheInserts() {
        let plans = [fip(), fip(), fip()]
        let batch = BatchOperations(plans)
        #expect(batch.operations.count == 4)
        guard case .mutate(let table, _, let mutations) = batch.operations[3] else { Issue.record("\(batch.operations[3])"); return }
        #expect(table == "Logical_Router" && mutations.count == 1)
        #expect(Set(mutations[0].value.atoms) == Set(plans.map { .namedUUID(RowDiffer.uuidName($0.key.id)) }))
        #expect((0..<3).map { batch.plan(ofOperation: $0) } == [0, 1, 2])
        #expect(batch.plan(ofOperation: 3) == nil) // merged: the writer bisects
    }

    @Test func aRowLinkedAndUnlinkedInOneBatchIsNotMerged() {
        let row = UUID()
        let link = ObjectPlan(key: ObjectKey(kind: .floatingIP, id: UUID()), revision: 1, deleting: false, orphan: false, action: .write([
            .mutate(table: "Logical_Router", where: [.uuid(router)], mutations: [.insert("nat", uuids: [row])])]))
        let unlink = ObjectPlan(key: ObjectKey(kind: .floatingIP, id: UUID()), revision: 1, deleting: true, orphan: false, action: .write([
            .mutate(table: "Logical_Router", where: [.uuid(router)], mutations: [.delete("nat", uuids: [row])])]))
        let batch = BatchOperations([link, unlink])
        #expect(batch.operations == link.operations + unlink.operations)
        #expect(batch.plan(ofOperation: 1) == 1)
    }

    @Test func linksAndUnlinksOfDifferentRowsShareOneMutate() {
        let gone = UUID()
        let unlink = ObjectPlan(key: ObjectKey(kind: .floatingIP, id: UUID()), revision: 1, deleting: true, orphan: false, action: .write([
            .mutate(table: "Logical_Router", where: [.uuid(router)], mutations: [.delete("nat", uuids: [gone])]),
            .delete(table: "NAT", where: [.uuid(gone)]),
        ]))
        let batch = BatchOperations([fip(), unlink])
        #expect(batch.operations.count == 3)
        guard case .mutate(_, _, let mutations) = batch.operations[2] else { Issue.record("\(batch.operations[2])"); return }
        #expect(mutations.map(\.mutator) == [.delete, .insert])
    }
}
