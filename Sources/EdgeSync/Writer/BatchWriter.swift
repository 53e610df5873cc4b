import Foundation
import OVSDB

/// Sends packed plans to NB, one transaction per batch (links merged: `BatchOperations`), under
/// the writer lock. A batch that NB refuses is split so that one bad object cannot hold back the
/// others: an op error names its op (and so its object), which is set aside at once; a commit
/// error (referential integrity, a taken name) or an error in a merged op names nothing, so the
/// batch is bisected until the culprit is alone.
struct BatchWriter: Sendable {
    typealias Transact = @Sendable (Transaction) async throws -> TransactionReply

    let lockName: String?
    let transact: Transact

    struct Outcome: Sendable {
        var succeeded: [ObjectPlan] = []
        var failed: [(ObjectPlan, SyncProblem)] = []
        var transactions = 0
    }

    /// Writes the batch. Throws (and stops) on what is not the objects' fault: a lost
    /// connection, a lost lock, a timeout.
    func write(_ batch: [ObjectPlan]) async throws -> Outcome {
        var outcome = Outcome()
        var queue: [[ObjectPlan]] = [batch]
        while let group = queue.popLast() {
            let batch = BatchOperations(group)
            guard !batch.operations.isEmpty else { outcome.succeeded += group; continue }
            do {
                outcome.transactions += 1
                _ = try await transact(Transaction(batch.operations, assertLock: lockName, comment: "ovn-edge: \(group.count) objects"))
                outcome.succeeded += group
            } catch OVSDBError.transactionFailed(let failure) where failure.kind != .notOwner {
                if group.count == 1 {
                    outcome.failed.append((group[0], .rejected(failure.description)))
                } else if let culprit = batch.plan(ofOperation: failure.operationIndex), !failure.isCommitError {
                    outcome.failed.append((group[culprit], .rejected(failure.description)))
                    var rest = group
                    rest.remove(at: culprit)
                    queue.append(rest)
                } else {
                    let middle = group.count / 2
                    queue.append(Array(group[middle...]))
                    queue.append(Array(group[..<middle]))
                }
            }
        }
        return outcome
    }
}
