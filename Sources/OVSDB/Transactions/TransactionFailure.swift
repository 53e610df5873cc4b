/// Why a `transact` did not commit: the failing op (or the commit, reported as element N+1)
/// and what the ops before it returned. Nothing of the transaction was applied.
public struct TransactionFailure: Sendable, Hashable, CustomStringConvertible {
    /// Index of the failed op in `Transaction.operations`; `nil` when the commit itself failed
    /// (referential integrity, index uniqueness, …, reported by the server as an extra result
    /// after the last op) or when an op the client added failed (the lock `assert`: `notOwner`).
    public var operationIndex: Int?
    public var isCommitError: Bool
    public var error: ServerError
    /// Results of ops that ran before the failure (`nil` for ops the server skipped).
    public var results: [OperationResult?]

    public init(operationIndex: Int?, isCommitError: Bool = false, error: ServerError, results: [OperationResult?]) {
        self.operationIndex = operationIndex
        self.isCommitError = isCommitError
        self.error = error
        self.results = results
    }

    public var kind: ErrorKind { error.kind }

    public var description: String {
        (isCommitError ? "commit failed: " : operationIndex.map { "operation \($0) failed: " } ?? "lock assertion failed: ") + error.description
    }
}
