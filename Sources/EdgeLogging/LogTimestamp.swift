import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The time at the start of a log line, `2026-11-21T13:36:20+0000` (local time and its offset,
/// the format of swift-log's `StreamLogHandler`), formatted once per second and reused:
/// `localtime` and `strftime` per line were a visible part of an access line's cost.
final class LogTimestamp: Sendable {
    private let cache = Mutex<(second: time_t, text: [UInt8])>((-1, []))

    func append(to line: inout [UInt8]) {
        let now = time(nil)
        let text = cache.withLock { cached in
            if cached.second != now { cached = (now, Self.format(now)) }
            return cached.text
        }
        line.append(contentsOf: text)
    }

    static func format(_ seconds: time_t) -> [UInt8] {
        var seconds = seconds
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return Array("<unknown>".utf8) }
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        return buffer.prefix(count).map { UInt8(bitPattern: $0) }
    }
}
