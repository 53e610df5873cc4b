import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Timestamps as stored: UTC "YYYY-MM-DD HH:MM:SS.mmm" (SQLite's own format, sorts in time order),
/// millisecond precision. Dates are truncated to whole milliseconds before use so that what a
/// write returns equals what a later read returns.
enum StoreTime {
    static func truncate(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds(date)) / 1000)
    }

    /// The whole milliseconds at or before `date`, with a microsecond of slack: `Date` keeps
    /// seconds since 2001, so a truncated date read back as seconds since 1970 can sit an ulp
    /// below its millisecond, and a plain floor made `truncate` drop a millisecond on a second
    /// call (the API printed .614 for what the store kept as .613).
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000 + 0.001).rounded(.down))
    }

    static func format(_ date: Date) -> String {
        format(date, separator: UInt8(ascii: " "), zulu: false)
    }

    /// "YYYY-MM-DD<separator>HH:MM:SS.mmm", plus "Z" with `zulu`. Digits are written directly:
    /// `String(format:)` was ~3 % of a FIP create's CPU (writer thread, benchmarks/RESULTS.md).
    static func format(_ date: Date, separator: UInt8, zulu: Bool) -> String {
        let ms = milliseconds(date)
        var seconds = time_t(ms >= 0 ? ms / 1000 : (ms - 999) / 1000)
        let fraction = Int(ms - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let year = Int(parts.tm_year) + 1900
        guard (0...9999).contains(year) else {
            let text = String(
                format: "%04d-%02d-%02d %02d:%02d:%02d.%03d", year, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), fraction
            )
            return zulu ? text.replacingOccurrences(of: " ", with: String(UnicodeScalar(separator))) + "Z" : text
        }
        var out = [UInt8]()
        out.reserveCapacity(24)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        digits(year, 4)
        out.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2)
        out.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2)
        out.append(separator)
        digits(Int(parts.tm_hour), 2)
        out.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2)
        out.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), 2)
        out.append(UInt8(ascii: "."))
        digits(fraction, 3)
        if zulu { out.append(UInt8(ascii: "Z")) }
        return String(decoding: out, as: UTF8.self)
    }

    static func parse(_ text: String) -> Date? {
        // "YYYY-MM-DD HH:MM:SS" with an optional ".mmm".
        let utf8 = Array(text.utf8)
        guard utf8.count >= 19 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard index < utf8.count, (48...57).contains(utf8[index]) else { return nil }
                value = value * 10 + Int(utf8[index] - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19) else { return nil }
        var fraction = 0
        if utf8.count > 19 {
            let digits = utf8.count - 20
            guard utf8[19] == UInt8(ascii: "."), (1...3).contains(digits), let value = number(20..<utf8.count) else { return nil }
            fraction = value * [100, 10, 1][digits - 1]
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: Double(Int64(seconds) * 1000 + Int64(fraction)) / 1000)
    }
}
