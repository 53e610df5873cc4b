import Dispatch
import EdgeLogging
import Foundation
import HTTPServer
import Logging

/// Writes access-log lines on a serial queue of its own, in the order they were added, in
/// batches: the first line of a batch schedules one pass `delay` later, and every line added until
/// that pass finds none left is written by it. (One `queue.async` per request woke a Dispatch
/// thread per request: under a GET load the wake-ups cost ~10 % of `serve`'s CPU, and the woken
/// thread competed with the I/O threads for the cores; at 1 ms the timer's wake-ups of Dispatch's
/// manager and worker threads were still ~4 %.) Lines reach the log up to `delay` late.
///
/// Lines whose logger is a `LineLogHandler` (`serve`'s) are rendered into one buffer and written
/// with one write(2) per batch; any other handler gets each line through its `Logger`.
final class AccessLogWriter: @unchecked Sendable {
    // Safe: `pending` and `scheduled` are only touched under `lock`; `queue` is immutable.
    private let lock = NSLock()
    private var pending: [AccessLogLine] = []
    /// A pass is queued or running; it will see every line added before it finds none left.
    private var scheduled = false
    private let queue = DispatchQueue(label: "ovn-edge.access-log")
    static let delay = DispatchTimeInterval.milliseconds(10)

    func add(_ line: AccessLogLine) {
        let wake = lock.withLock {
            pending.append(line)
            guard !scheduled else { return false }
            scheduled = true
            return true
        }
        if wake { queue.asyncAfter(deadline: .now() + Self.delay) { [self] in writeAll() } }
    }

    /// Writes every line added so far before returning (at exit: a line waits up to `delay` for
    /// its pass, and the process would otherwise end with it unwritten).
    func flush() {
        queue.sync { writeAll() }
    }

    private func writeAll() {
        var batch: [AccessLogLine] = []
        var rendered = RenderedLines()
        while true {
            lock.withLock {
                swap(&batch, &pending)
                if batch.isEmpty { scheduled = false }
            }
            if batch.isEmpty { return }
            for line in batch { write(line, into: &rendered) }
            rendered.flush()
            batch.removeAll(keepingCapacity: true)
        }
    }

    private func write(_ line: AccessLogLine, into rendered: inout RenderedLines) {
        // The request-id metadata is added to the logger here, off the request's thread.
        let logger = line.context.logger
        if let handler = logger.handler as? LineLogHandler {
            guard handler.logLevel <= line.level else { return }
            rendered.switchOutput(to: handler.output)
            handler.render(level: line.level, message: AccessLogLine.message, explicit: line.metadata,
                           source: AccessLogLine.source, into: &rendered.bytes)
            if rendered.bytes.count >= RenderedLines.flushSize { rendered.flush() }
        } else {
            logger.log(level: line.level, "\(AccessLogLine.message)", metadata: Logger.Metadata(uniqueKeysWithValues: line.metadata),
                       source: AccessLogLine.source)
        }
    }

    /// Rendered lines waiting for one write to their output.
    private struct RenderedLines {
        static let flushSize = 1 << 16
        var bytes: [UInt8] = []
        var output: LogOutput?

        mutating func switchOutput(to next: LogOutput) {
            if output !== next { flush() }
            output = next
        }

        mutating func flush() {
            if let output, !bytes.isEmpty { output.write(bytes) }
            bytes.removeAll(keepingCapacity: true)
        }
    }
}
