@testable import EdgeStore
import Foundation
import Testing

/// Stored timestamps are written digit by digit; they must equal the `String(format:)` form
/// they replaced, for every millisecond edge.
@Suite struct StoreTimeFormatTests {
    static func reference(_ date: Date) -> String {
        let ms = StoreTime.milliseconds(date)
        var seconds = time_t(ms >= 0 ? ms / 1000 : (ms - 999) / 1000)
        let fraction = Int(ms - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d.%03d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), fraction
        )
    }

    @Test func matchesTheFormattedReference() {
        var generator = SystemRandomNumberGenerator()
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_750_000_000.613),
                     Date(timeIntervalSince1970: 951_782_400.999), Date(timeIntervalSince1970: 4_102_444_799.5)]
        for _ in 0..<5000 { dates.append(Date(timeIntervalSince1970: Double.random(in: 0..<4_000_000_000, using: &generator))) }
        for date in dates {
            let expected = Self.reference(date)
            #expect(StoreTime.format(date) == expected)
            #expect(JSONCoding.rfc3339(date) == expected.replacingOccurrences(of: " ", with: "T") + "Z")
            #expect(JSONCoding.parseRFC3339(JSONCoding.rfc3339(date)) == StoreTime.truncate(date))
        }
    }
}
