import Dispatch
import EdgeLogging
import Foundation
import HTTPServer
import Logging

/// Writes access-log lines off the request path, in the order they were added, in batches: the
/// first line of a batch schedules one pass on a serial queue `delay` later, and every line
/// added until that pass finds none left is written by it. (One `queue.async` per request woke a
/// Dispatch thread per request: under a GET load the wake-ups cost ~10 % of `serve`'s CPU, and
/// the woken thread competed with the I/O threads for the cores; at 1 ms the timer's wake-ups of
/// Dispatch's manager and worker threads were still ~4 %.) Lines reach the log up to `delay` late.
///
/// A line whose logger is a `LineLogHandler` (`serve`'s) is rendered where the request ended —
/// a few µs, spread evenly over the requests instead of a burst on a third thread every pass —
/// and the pass only writes the bytes, with one write(2) per batch. Any other handler gets each
/// line through its `Logger` in the pass. Only the pass writes, so a slow log reader stalls the
/// log, not the I/O threads.
final class AccessLogWriter: @unchecked Sendable {
    // Safe: `pending`, `chunks` and `scheduled` are only touched under `lock`; `queue` is immutable.
    private let lock = NSLock()
    /// Lines for handlers other than `LineLogHandler`, logged by the pass.
    private var pending: [AccessLogLine] = []
    /// Rendered lines, in order, grouped by consecutive output.
    private var chunks: [RenderedChunk] = []
    /// A pass is queued or running; it will see every line added before it finds none left.
    private var scheduled = false
    private let queue = DispatchQueue(label: "ovn-edge.access-log")
    static let delay = DispatchTimeInterval.milliseconds(10)

    func add(_ line: AccessLogLine) {
        if let handler = line.context.baseLogHandler as? LineLogHandler {
            guard handler.logLevel <= line.level else { return }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(256)
            handler.render(level: line.level, message: AccessLogLine.message, sortedFields: line.fields,
                           adding: line.context.requestMetadata, source: AccessLogLine.source, into: &bytes)
            schedulePass { append(bytes, for: handler.output) }
        } else {
            schedulePass { pending.append(line) }
        }
    }

    /// Writes every line added so far before returning (at exit: a line waits up to `delay` for
    /// its pass, and the process would otherwise end with it unwritten).
    func flush() {
        queue.sync { writeAll() }
    }

    /// Runs `add` under the lock; the first addition after a pass found nothing schedules the next.
    private func schedulePass(_ add: () -> Void) {
        let wake = lock.withLock {
            add()
            guard !scheduled else { return false }
            scheduled = true
            return true
        }
        if wake { queue.asyncAfter(deadline: .now() + Self.delay) { [self] in writeAll() } }
    }

    /// Called under `lock`.
    private func append(_ bytes: [UInt8], for output: LogOutput) {
        if let last = chunks.indices.last, chunks[last].output === output {
            chunks[last].bytes.append(contentsOf: bytes)
        } else {
            chunks.append(RenderedChunk(output: output, bytes: bytes))
        }
    }

    private func writeAll() {
        var lines: [AccessLogLine] = []
        var rendered: [RenderedChunk] = []
        while true {
            lock.withLock {
                swap(&lines, &pending)
                swap(&rendered, &chunks)
                if lines.isEmpty && rendered.isEmpty { scheduled = false }
            }
            if lines.isEmpty && rendered.isEmpty { return }
            for chunk in rendered { chunk.output.write(chunk.bytes) }
            for line in lines {
                line.context.logger.log(level: line.level, "\(AccessLogLine.message)", metadata: line.metadata,
                                        source: AccessLogLine.source)
            }
            lines.removeAll(keepingCapacity: true)
            rendered.removeAll()
        }
    }

    private struct RenderedChunk {
        let output: LogOutput
        var bytes: [UInt8]
    }
}
