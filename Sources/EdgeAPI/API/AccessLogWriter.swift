import Dispatch
import Foundation
import HTTPServer
import Logging

/// Writes access-log lines on a serial queue of its own, in the order they were added, in
/// batches: the first line of a batch schedules one pass 1 ms later, and every line added until
/// that pass finds none left is written by it. (One `queue.async` per request woke a Dispatch
/// thread per request: under a GET load the wake-ups cost ~10 % of `serve`'s CPU, and the woken
/// thread competed with the I/O threads for the cores.) Lines reach the log ~1 ms late.
final class AccessLogWriter: @unchecked Sendable {
    // Safe: `pending` and `scheduled` are only touched under `lock`; `queue` is immutable.
    struct Line {
        let context: RequestContext
        let level: Logger.Level
        let metadata: Logger.Metadata
    }

    private let lock = NSLock()
    private var pending: [Line] = []
    /// A pass is queued or running; it will see every line added before it finds none left.
    private var scheduled = false
    private let queue = DispatchQueue(label: "ovn-edge.access-log")

    func add(_ line: Line) {
        let wake = lock.withLock {
            pending.append(line)
            guard !scheduled else { return false }
            scheduled = true
            return true
        }
        if wake { queue.asyncAfter(deadline: .now() + .milliseconds(1)) { [self] in writeAll() } }
    }

    /// Writes every line added so far before returning (at exit: a line waits ~1 ms for its
    /// pass, and the process would otherwise end with it unwritten).
    func flush() {
        queue.sync { writeAll() }
    }

    private func writeAll() {
        var batch: [Line] = []
        while true {
            lock.withLock {
                swap(&batch, &pending)
                if batch.isEmpty { scheduled = false }
            }
            if batch.isEmpty { return }
            // The request-id metadata is added to the logger here, off the request's thread.
            for line in batch { line.context.logger.log(level: line.level, "request", metadata: line.metadata) }
            batch.removeAll(keepingCapacity: true)
        }
    }
}
