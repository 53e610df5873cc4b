/// One caller's write waiting for the writer: `body` runs inside a group's transaction under a
/// savepoint of its own, `finish` reports the outcome once that transaction committed (or not).
final class QueuedWrite: @unchecked Sendable {
    // Safe: the caller creates it and then only waits (blocked or suspended) until `finish`;
    // meanwhile only the writer thread calls `body` and `finish`, once each.
    let context: ChangeContext
    private var body: ((WriteScope) throws -> Void)?
    private let done: (Result<Void, any Error>) -> Void

    init(context: ChangeContext, body: @escaping (WriteScope) throws -> Void, finish: @escaping (Result<Void, any Error>) -> Void) {
        self.context = context
        self.body = body
        self.done = finish
    }

    func run(_ scope: WriteScope) throws {
        try body?(scope)
    }

    /// Drops the body before the caller wakes: a blocking caller handed it over with
    /// `withoutActuallyEscaping`, which checks that nothing keeps it once the call returns.
    func finish(_ outcome: Result<Void, any Error>) {
        body = nil
        done(outcome)
    }
}

/// Where a write's result waits for its caller.
final class WriteResult<T>: @unchecked Sendable {
    // Safe: `value` is set by the writer thread before `QueuedWrite.finish`, and read by the
    // caller only after `finish` woke it (semaphore or continuation: a happens-before edge).
    var value: T?
    var outcome: Result<Void, any Error>?
}
