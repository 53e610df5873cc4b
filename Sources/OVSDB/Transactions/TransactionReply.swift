import Foundation

/// A committed transaction's results, one per op in order.
public struct TransactionReply: Sendable, Hashable {
    public var results: [OperationResult]
    /// Set when a retry after a lost connection found (through the transaction's `requireAbsent`
    /// guard) that the first attempt had already committed; `results` is then empty.
    public var wasAlreadyApplied: Bool

    public init(results: [OperationResult], wasAlreadyApplied: Bool = false) {
        self.results = results
        self.wasAlreadyApplied = wasAlreadyApplied
    }

    public subscript(index: Int) -> OperationResult { results[index] }
    /// Every inserted uuid, in op order.
    public var insertedUUIDs: [UUID] { results.compactMap(\.insertedUUID) }
}
