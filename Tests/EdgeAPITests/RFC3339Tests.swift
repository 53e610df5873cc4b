import Foundation
import TestSupport
import Testing
@testable import EdgeAPI
@testable import EdgeStore

/// `RFC3339` formats and parses with integer arithmetic; Foundation's ISO8601DateFormatter is the
/// reference it must agree with.
@Suite struct RFC3339Tests {
    /// Foundation's formatters, built once per test (building one costs far more than using it).
    /// `parse` asks ICU, ~55 us a call in this build; loops over many samples use `Fast` instead.
    final class Reference {
        private let formatter = ISO8601DateFormatter()
        private let fractional = ISO8601DateFormatter()
        private let whole = ISO8601DateFormatter()

        init() {
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            formatter.timeZone = TimeZone(identifier: "UTC")
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            whole.formatOptions = [.withInternetDateTime]
        }

        func format(_ date: Date) -> String { formatter.string(from: date) }
        func parse(_ text: String) -> Date? { fractional.date(from: text) ?? whole.date(from: text) }
    }

    /// Foundation's ISO 8601 parse strategy (Swift, no ICU: ~2 us a call), the reference of the
    /// randomized parse test: thousands of ICU parses kept a cooperative thread of the full
    /// suite busy for seconds and starved the tests that wait on timers.
    struct FastReference {
        private let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        private let whole = Date.ISO8601FormatStyle()

        func parse(_ text: String) -> Date? { (try? fractional.parse(text)) ?? (try? whole.parse(text)) }
    }

    /// A date of whole milliseconds, as the store keeps them.
    static func stored(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// Whole milliseconds from 1970-01-01 to 2099-12-31T23:59:59.999Z.
    static let range: ClosedRange<Int64> = 0...4_102_444_799_999

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (Int64(999), "1970-01-01T00:00:00.999Z"),
        (Int64(951_782_400_000), "2000-02-29T00:00:00.000Z"),
        (Int64(1_709_164_800_123), "2024-02-29T00:00:00.123Z"),
        (Int64(1_750_000_000_000), "2025-06-15T15:06:40.000Z"),
        (Int64(1_795_244_169_411), "2026-11-21T06:56:09.411Z"),
        (Int64(4_102_444_799_999), "2099-12-31T23:59:59.999Z"),
        (Int64(-1), "1969-12-31T23:59:59.999Z"),
    ])
    func formatsKnownDates(_ milliseconds: Int64, _ text: String) {
        let reference = Reference()
        #expect(RFC3339.format(Self.stored(milliseconds)) == text)
        #expect(reference.format(Self.stored(milliseconds)) == text)
        #expect(RFC3339.parse(text) == Self.stored(milliseconds))
    }

    @Test func formatsLikeFoundationOverRandomDates() {
        let reference = Reference()
        var random = SeededGenerator(seed: 20_261_121)
        var samples = (0..<10_000).map { _ in Int64.random(in: Self.range, using: &random) }
        // Around every leap day and year boundary from 1970 to 2099.
        for year in 1970...2099 {
            let boundaries = [
                Calendar.utc.date(from: DateComponents(year: year, month: 1, day: 1))!,
                Calendar.utc.date(from: DateComponents(year: year, month: 3, day: 1))!,
            ]
            for boundary in boundaries {
                let milliseconds = Int64(boundary.timeIntervalSince1970 * 1000)
                samples += [milliseconds - 86_400_000, milliseconds - 1, milliseconds, milliseconds + 1]
            }
        }
        for milliseconds in samples where milliseconds >= 0 {
            let date = Self.stored(milliseconds)
            #expect(RFC3339.format(date) == reference.format(date), "\(milliseconds)")
        }
    }

    /// Sub-millisecond values print the nearest millisecond, also just below a whole one (the
    /// Double of a stored time may sit an ulp below: rounding down printed .613 for .614).
    @Test func roundsToTheNearestMillisecond() {
        let reference = Reference()
        var random = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let milliseconds = Int64.random(in: Self.range, using: &random)
            let exact = Self.stored(milliseconds).timeIntervalSince1970
            let expected = reference.format(Self.stored(milliseconds))
            for seconds in [exact.nextDown, exact.nextUp, exact - 0.000_4, exact + 0.000_4, exact + 0.000_499] {
                #expect(RFC3339.format(Date(timeIntervalSince1970: seconds)) == expected, "\(seconds)")
            }
            #expect(RFC3339.format(Date(timeIntervalSince1970: exact + 0.000_501)) == reference.format(Self.stored(milliseconds + 1)))
        }
        #expect(RFC3339.format(Date(timeIntervalSince1970: 1_795_244_372.614)) == "2026-11-21T06:59:32.614Z")
    }

    /// What the store keeps (`StoreTime`) is what the API prints, for raw clock readings too.
    @Test func printsWhatTheStoreKeeps() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<20_000 {
            let raw = Date(timeIntervalSince1970: Double.random(in: 0...4_102_444_799.999, using: &random))
            let truncated = StoreTime.truncate(raw)
            #expect(StoreTime.truncate(truncated) == truncated)
            let stored = StoreTime.format(truncated)
            #expect(RFC3339.format(truncated) == stored.replacingOccurrences(of: " ", with: "T") + "Z")
            #expect(StoreTime.parse(stored) == truncated)
        }
    }

    @Test func parsesLikeFoundationOverRandomDates() {
        let reference = FastReference()
        var random = SeededGenerator(seed: 3)
        let offsets = ["Z", "+00:00", "+05:30", "-08:00", "+14:00", "-11:59"]
        for index in 0..<2_000 {
            let milliseconds = Int64.random(in: Self.range, using: &random)
            let utc = RFC3339.format(Self.stored(milliseconds))
            var texts = [utc, String(utc.prefix(19)) + offsets[index % offsets.count]]
            texts.append(String(utc.dropLast()) + offsets[(index + 1) % offsets.count])
            texts.append(String(utc.prefix(21)) + "Z")  // one fraction digit
            for text in texts {
                let ours = RFC3339.parse(text), theirs = reference.parse(text)
                #expect(ours != nil, "\(text)")
                if let ours, let theirs {
                    #expect(abs(ours.timeIntervalSince1970 - theirs.timeIntervalSince1970) < 1e-6, "\(text)")
                }
            }
            #expect(RFC3339.parse(utc) == Self.stored(milliseconds))
        }
    }

    @Test(arguments: ["", "2026-11-21", "2026-11-21T06:56:09", "2026-13-01T00:00:00Z", "2026-11-21T06:56:09.Z",
                      "2026-11-21 06:56:09Z", "x026-11-21T06:56:09Z"])
    func rejectsWhatFoundationRejects(_ text: String) {
        let reference = Reference()
        #expect(RFC3339.parse(text) == nil)
        #expect(reference.parse(text) == nil)
    }

    /// Foundation is lenient (Feb 29 of a common year, 24:00, "+0100"); such input still goes to it.
    @Test(arguments: ["2025-02-29T00:00:00Z", "2026-11-21T24:00:00Z", "2026-11-21T06:56:09+0100", "2026-11-21t06:56:09z"])
    func leavesLenientInputToFoundation(_ text: String) {
        let reference = Reference()
        #expect(RFC3339.parse(text) == reference.parse(text))
    }
}

extension Calendar {
    fileprivate static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
