@testable import EdgeAPI
import Testing

/// The access log's `ms` field: two decimals, rounded, computed without `String(format:)`.
@Suite struct AccessLogFormatTests {
    @Test func millisecondsHaveTwoRoundedDecimals() {
        #expect(AccessLogMiddleware.milliseconds(.zero) == "0.00")
        #expect(AccessLogMiddleware.milliseconds(.microseconds(4)) == "0.00")
        #expect(AccessLogMiddleware.milliseconds(.microseconds(5)) == "0.01")
        #expect(AccessLogMiddleware.milliseconds(.microseconds(1_234)) == "1.23")
        #expect(AccessLogMiddleware.milliseconds(.microseconds(1_235)) == "1.24")
        #expect(AccessLogMiddleware.milliseconds(.microseconds(90_000)) == "90.00")
        #expect(AccessLogMiddleware.milliseconds(.milliseconds(2_500)) == "2500.00")
        #expect(AccessLogMiddleware.milliseconds(.seconds(3) + .microseconds(999_996)) == "4000.00")
    }
}
