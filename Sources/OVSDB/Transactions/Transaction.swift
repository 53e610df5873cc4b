import Foundation

/// A list of ops sent as one `transact`, plus how the client may retry it.
///
/// Transactions are at-least-once: when the connection drops after the request was sent, the
/// client cannot know whether it committed. `retry` says what to do then:
/// * `.automatic` (default) retries only when a second attempt cannot apply anything twice:
///   either every op is idempotent (select, update, delete, set/map `insert`/`delete`
///   mutations, wait, comment, assert), or the transaction inserts a row with an explicit
///   `uuid`, in which case the retry is guarded by a `requireAbsent` precondition on that row;
///   if the guard fails, the first attempt committed and the reply says `wasAlreadyApplied`.
/// * `.never` reports `connectionLost` to the caller.
/// * `.guarded(by:)` uses the caller's own precondition op in the same way.
public struct Transaction: Sendable {
    public enum RetryPolicy: Sendable, Hashable {
        case automatic
        case never
        case guarded(by: OVSDBOperation)
    }

    public var operations: [OVSDBOperation]
    /// Defaults to the client's database.
    public var database: String?
    /// Adds an `assert` op first, so the transaction fails with `notOwner` unless this client
    /// holds the lock (the single-writer guarantee).
    public var assertLock: String?
    /// Shown in the server's log.
    public var comment: String?
    public var retry: RetryPolicy
    /// Seconds the whole call (including waiting for a connection and retries) may take.
    public var timeout: Double?

    public init(_ operations: [OVSDBOperation] = [], database: String? = nil, assertLock: String? = nil,
                comment: String? = nil, retry: RetryPolicy = .automatic, timeout: Double? = nil) {
        self.operations = operations
        self.database = database
        self.assertLock = assertLock
        self.comment = comment
        self.retry = retry
        self.timeout = timeout
    }

    public mutating func append(_ operation: OVSDBOperation) { operations.append(operation) }
    public mutating func append(contentsOf operations: [OVSDBOperation]) { self.operations.append(contentsOf: operations) }
    public var isEmpty: Bool { operations.isEmpty }

    /// The ops as sent, with the assert and comment the transaction asked for. The index of a
    /// user op `i` in the reply is `i + prefixCount`.
    func wireOperations(guard extra: OVSDBOperation?) -> (ops: [OVSDBOperation], prefixCount: Int) {
        var prefix: [OVSDBOperation] = []
        if let extra { prefix.append(extra) }
        if let assertLock { prefix.append(.assert(lock: assertLock)) }
        var ops = prefix + operations
        if let comment { ops.append(.comment(comment)) }
        return (ops, prefix.count)
    }

    /// The guard op to add when retrying after an ambiguous failure, or nil when a blind retry
    /// is safe. Returns `.none` (outer nil) when a retry is not allowed at all. An insert into a
    /// root table is preferred as the guard: a non-root row can vanish by garbage collection.
    func retryGuard(schema: DatabaseSchema?) -> OVSDBOperation?? {
        switch retry {
        case .never: return .none
        case .guarded(let op): return .some(op)
        case .automatic:
            var candidate: OVSDBOperation?
            for op in operations {
                guard case .insert(let table, _, let uuid?, _) = op else { continue }
                if schema?[table]?.isRoot ?? false { return .some(.requireAbsent(table, uuid: uuid)) }
                if candidate == nil { candidate = .requireAbsent(table, uuid: uuid) }
            }
            if let candidate { return .some(candidate) }
            return operations.allSatisfy(\.isIdempotent) ? .some(nil) : .none
        }
    }
}

extension OVSDBOperation {
    /// Applying the op twice leaves the same state as applying it once.
    var isIdempotent: Bool {
        switch self {
        case .insert: return false
        case .mutate(_, _, let mutations):
            return mutations.allSatisfy { $0.mutator == .insert || $0.mutator == .delete }
        case .select, .update, .delete, .wait, .commit, .abort, .comment, .assert: return true
        }
    }
}
