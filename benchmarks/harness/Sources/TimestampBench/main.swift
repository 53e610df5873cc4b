import Foundation

// What one RFC 3339 timestamp costs the API (benchmarks/RESULTS.md, miss 1): EdgeAPI's
// `RFC3339.format` builds a new ISO8601DateFormatter per call; compared with one shared formatter
// and with integer arithmetic on the milliseconds. Usage: TimestampBench [CALLS]

func newFormatterPerCall(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
}

/// Only this single-threaded benchmark touches it.
nonisolated(unsafe) let sharedFormatter: ISO8601DateFormatter = {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter
}()

func sharedFormatterCall(_ date: Date) -> String { sharedFormatter.string(from: date) }

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` from whole milliseconds since 1970 (civil-from-days over the
/// proleptic Gregorian calendar).
func arithmetic(_ date: Date) -> String {
    // Nearest, not down: stored times are whole milliseconds, and their Double may sit just below.
    let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
    let dayMilliseconds: Int64 = 86_400_000
    var days = milliseconds >= 0 ? milliseconds / dayMilliseconds : (milliseconds - dayMilliseconds + 1) / dayMilliseconds
    let inDay = milliseconds - days * dayMilliseconds
    days += 719_468
    let era = (days >= 0 ? days : days - 146_096) / 146_097
    let dayOfEra = days - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(24)
    func digits(_ value: Int64, _ width: Int) {
        var value = value, field = [UInt8](repeating: 48, count: width)
        for index in stride(from: width - 1, through: 0, by: -1) {
            field[index] = UInt8(48 + value % 10)
            value /= 10
        }
        bytes += field
    }
    digits(year, 4); bytes.append(45); digits(month, 2); bytes.append(45); digits(day, 2); bytes.append(84)
    digits(inDay / 3_600_000, 2); bytes.append(58); digits(inDay / 60_000 % 60, 2); bytes.append(58)
    digits(inDay / 1000 % 60, 2); bytes.append(46); digits(inDay % 1000, 3); bytes.append(90)
    return String(decoding: bytes, as: UTF8.self)
}

let calls = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 20_000 : 20_000
let base = Date(timeIntervalSince1970: 1_795_244_372.615)
for offset in [0.0, -1e9, 86_399.999, 4e9] {
    let date = base.addingTimeInterval(offset)
    guard newFormatterPerCall(date) == arithmetic(date) else {
        fatalError("arithmetic \(arithmetic(date)) differs from Foundation \(newFormatterPerCall(date))")
    }
}
let variants: [(String, (Date) -> String)] = [
    ("new_formatter_per_call", newFormatterPerCall), ("shared_formatter", sharedFormatterCall), ("arithmetic", arithmetic),
]
for (name, format) in variants {
    var bytes = 0
    let started = ContinuousClock.now
    for index in 0..<calls { bytes &+= format(base.addingTimeInterval(Double(index) * 0.001)).utf8.count }
    let elapsed = ContinuousClock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("\(name) calls=\(calls) us_per_call=\(String(format: "%.2f", seconds / Double(calls) * 1e6)) bytes=\(bytes)")
}
