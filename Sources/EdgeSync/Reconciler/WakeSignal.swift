import Foundation

/// Wakes the reconciler's loop: a generation counter plus the reasons raised since the loop
/// last looked. A raise between the loop's check and its wait is never lost.
final class WakeSignal: @unchecked Sendable {
    // Safe: every field is read and written under `lock`; the continuation is resumed outside
    // it, exactly once (taken out of `waiter` under the lock first).
    struct Reasons: OptionSet, Sendable {
        let rawValue: Int
        static let desiredState = Reasons(rawValue: 1)
        static let drift = Reasons(rawValue: 2)
        static let connection = Reasons(rawValue: 4)
        /// The connection or the writer lock was lost: NB may change without us watching.
        static let lost = Reasons(rawValue: 8)
    }

    private let lock = NSLock()
    private var generation: UInt64 = 0
    private var reasons: Reasons = []
    private var waiter: (id: UInt64, continuation: CheckedContinuation<Void, Never>)?
    private var nextID: UInt64 = 0

    func raise(_ reason: Reasons) {
        let continuation: CheckedContinuation<Void, Never>? = lock.withLock {
            generation += 1
            reasons.formUnion(reason)
            defer { waiter = nil }
            return waiter?.continuation
        }
        continuation?.resume()
    }

    /// The reasons raised since the last call, cleared.
    func take() -> Reasons {
        lock.withLock {
            defer { reasons = [] }
            return reasons
        }
    }

    var pending: Reasons { lock.withLock { reasons } }

    /// Returns once something is raised (or was raised and not yet taken), after `timeout`
    /// seconds, or on cancellation.
    func wait(timeout: Double) async {
        let id: UInt64 = lock.withLock { nextID += 1; return nextID }
        let timer = Task { [weak self] in
            try? await Task.sleep(nanoseconds: UInt64(max(0, timeout) * 1e9))
            self?.expire(id)
        }
        defer { timer.cancel() }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow: Bool = lock.withLock {
                    if !reasons.isEmpty || Task.isCancelled { return true }
                    let previous = waiter
                    waiter = (id, continuation)
                    if let previous { previous.continuation.resume() }
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            expire(id)
        }
    }

    private func expire(_ id: UInt64) {
        let continuation: CheckedContinuation<Void, Never>? = lock.withLock {
            guard let waiter, waiter.id == id else { return nil }
            self.waiter = nil
            return waiter.continuation
        }
        continuation?.resume()
    }
}
