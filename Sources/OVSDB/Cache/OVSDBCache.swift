import Foundation

/// The client's replica of the monitored tables, fed by monitor replies and notifications on the
/// connection's I/O thread. Readers take a `snapshot()`; writers never block readers for longer
/// than a pointer copy.
///
/// Changes are delivered to every `updates()` stream (unbounded buffer: nothing is dropped) and
/// to `onChange` callbacks, in the order they were applied.
public final class OVSDBCache: @unchecked Sendable {
    // Safe: `current`, `subscribers` and `callbacks` are only touched while holding `lock`;
    // delivery happens outside the lock but only from the I/O thread that applied the update.
    private let lock = NSLock()
    private var current = CacheSnapshot()
    private var subscribers: [Int: AsyncStream<CacheUpdate>.Continuation] = [:]
    private var callbacks: [Int: @Sendable (CacheUpdate) -> Void] = [:]
    private var nextToken = 0

    public init() {}

    /// The current content. O(1).
    public func snapshot() -> CacheSnapshot {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    public var generation: Int { snapshot().generation }

    /// A stream of every update from now on. Ends when the stream is dropped.
    public func updates() -> AsyncStream<CacheUpdate> {
        let (stream, continuation) = AsyncStream<CacheUpdate>.makeStream(bufferingPolicy: .unbounded)
        lock.lock()
        let token = nextToken
        nextToken += 1
        subscribers[token] = continuation
        lock.unlock()
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            self.lock.lock()
            self.subscribers[token] = nil
            self.lock.unlock()
        }
        return stream
    }

    /// Calls `callback` with every update, on the connection's I/O thread: keep it short (hand
    /// the work to a task). Returns a token for `removeCallback`.
    @discardableResult
    public func onChange(_ callback: @escaping @Sendable (CacheUpdate) -> Void) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let token = nextToken
        nextToken += 1
        callbacks[token] = callback
        return token
    }

    public func removeCallback(_ token: Int) {
        lock.lock()
        callbacks[token] = nil
        lock.unlock()
    }

    // MARK: - Feeding (I/O thread)

    func setSchema(_ schema: DatabaseSchema) {
        lock.lock()
        current.schema = schema
        lock.unlock()
    }

    /// Applies a mutation of the tables and publishes the resulting changes (if any).
    func apply(cause: CacheUpdate.Cause, _ body: (inout [String: TableSnapshot], DatabaseSchema?) -> [RowChange]) {
        lock.lock()
        let changes = body(&current.tables, current.schema)
        let loadedNow = !current.isLoaded && cause != .update
        if loadedNow { current.isLoaded = true }
        guard !changes.isEmpty || loadedNow else { lock.unlock(); return }
        current.generation += 1
        let update = CacheUpdate(generation: current.generation, cause: cause, changes: changes)
        let streams = Array(subscribers.values)
        let handlers = Array(callbacks.values)
        lock.unlock()
        for stream in streams { stream.yield(update) }
        for handler in handlers { handler(update) }
    }
}
