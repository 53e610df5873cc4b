import Foundation

/// Writes waiting for the single writer. The writer takes everything that waits (up to
/// `maxGroup`) as one group and runs it in one transaction (`Store+GroupCommit.swift`): callers
/// that arrive while a group commits share the next commit instead of queueing one by one.
final class WriteQueue: @unchecked Sendable {
    // Safe: `waiting` and `draining` are only touched while holding `lock`.
    private let lock = NSLock()
    private var waiting: [QueuedWrite] = []
    private var draining = false
    let maxGroup: Int

    init(maxGroup: Int) {
        self.maxGroup = max(1, maxGroup)
    }

    /// Queues `write`; true when no drain is running, so the caller has to start one.
    func add(_ write: QueuedWrite) -> Bool {
        lock.withLock {
            waiting.append(write)
            if draining { return false }
            draining = true
            return true
        }
    }

    /// The next group in arrival order; nil ends the drain (the next `add` starts a new one).
    func nextGroup() -> [QueuedWrite]? {
        lock.withLock {
            guard !waiting.isEmpty else {
                draining = false
                return nil
            }
            let count = min(waiting.count, maxGroup)
            let group = Array(waiting.prefix(count))
            waiting.removeFirst(count)
            return group
        }
    }

    /// Writes waiting for a group (tests wait for a group to form).
    var waitingCount: Int { lock.withLock { waiting.count } }
}
