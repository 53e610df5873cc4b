import Foundation

/// In-process wake-ups between the parts of one ovn-edge: the API announces desired-state writes
/// (the reconciler wakes at once instead of polling) and the reconciler announces status
/// write-backs (`?wait=` requests and the SSE stream wake at once).
///
/// Each signal is a generation counter: a waiter passes the generation it has seen and returns
/// as soon as a newer one exists, so a signal raised between a read and the wait is never lost.
public final class StoreSignals: @unchecked Sendable {
    // Safe: all mutable state is guarded by `lock`; continuations are resumed outside it,
    // each exactly once (removed from the table under the lock before resuming).
    public enum Channel: Sendable, Hashable {
        /// Specs were created, changed or deleted.
        case desiredState
        /// Sync status (phase, observed revision, message) was written back.
        case status
    }

    private struct Waiter {
        let channel: Channel
        let continuation: CheckedContinuation<UInt64, Never>
    }

    private let lock = NSLock()
    private var generations: [Channel: UInt64] = [.desiredState: 0, .status: 0]
    private var waiters: [UInt64: Waiter] = [:]
    private var observers: [UInt64: (channel: Channel, body: @Sendable () -> Void)] = [:]
    private var nextWaiterID: UInt64 = 0
    /// Waits in progress, and those of them whose timeout (or cancellation) came before they
    /// registered their continuation: they must return at once instead of waiting forever.
    private var active: Set<UInt64> = []
    private var expiredEarly: Set<UInt64> = []

    public init() {}

    public func generation(_ channel: Channel) -> UInt64 {
        lock.withLock { generations[channel, default: 0] }
    }

    /// Bumps the channel's generation, calls its observers and wakes everybody waiting on it.
    public func raise(_ channel: Channel) {
        let (generation, woken, called): (UInt64, [CheckedContinuation<UInt64, Never>], [@Sendable () -> Void]) = lock.withLock {
            generations[channel, default: 0] += 1
            let called = observers.values.filter { $0.channel == channel }.map(\.body)
            guard !waiters.isEmpty else { return (generations[channel]!, [], called) }
            let ids = waiters.filter { $0.value.channel == channel }.map(\.key)
            return (generations[channel]!, ids.compactMap { waiters.removeValue(forKey: $0)?.continuation }, called)
        }
        for body in called { body() }
        for continuation in woken { continuation.resume(returning: generation) }
    }

    /// Calls `body` on the raising thread after every raise of `channel`, until removed. For a
    /// listener that only sets a flag: it costs the raiser no task wake-up, where a waiting task
    /// was resumed (and re-armed its timeout) on every API write. Returns the id to remove it.
    public func observe(_ channel: Channel, _ body: @escaping @Sendable () -> Void) -> UInt64 {
        lock.withLock {
            nextWaiterID += 1
            observers[nextWaiterID] = (channel, body)
            return nextWaiterID
        }
    }

    public func removeObserver(_ id: UInt64) {
        lock.withLock { _ = observers.removeValue(forKey: id) }
    }

    /// Returns the channel's generation once it is greater than `seen`, or the current one when
    /// `timeout` passes first or the task is cancelled.
    public func wait(_ channel: Channel, after seen: UInt64, timeout: Duration) async -> UInt64 {
        let id: UInt64 = lock.withLock {
            nextWaiterID += 1
            active.insert(nextWaiterID)
            return nextWaiterID
        }
        defer { lock.withLock { active.remove(id); expiredEarly.remove(id) } }
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            self?.expire(id)
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let current: UInt64? = lock.withLock {
                    let generation = generations[channel, default: 0]
                    if generation > seen || Task.isCancelled || expiredEarly.contains(id) { return generation }
                    waiters[id] = Waiter(channel: channel, continuation: continuation)
                    return nil
                }
                if let current { continuation.resume(returning: current) }
            }
        } onCancel: {
            expire(id)
        }
    }

    private func expire(_ id: UInt64) {
        let expired: (Waiter, UInt64)? = lock.withLock {
            guard let waiter = waiters.removeValue(forKey: id) else {
                if active.contains(id) { expiredEarly.insert(id) }
                return nil
            }
            return (waiter, generations[waiter.channel, default: 0])
        }
        if let (waiter, generation) = expired { waiter.continuation.resume(returning: generation) }
    }
}
