/// Counts and durations of the reconciler's NB transactions, for metrics.
public struct TransactionStatistics: Sendable, Hashable {
    /// Upper bounds (seconds) of the duration buckets.
    public static let bounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    public var committed = 0
    /// Refused by NB, timed out or lost with the connection.
    public var failed = 0
    /// Transactions per bucket of `bounds` (not cumulative), the last for longer ones.
    public var bucketCounts = Array(repeating: 0, count: TransactionStatistics.bounds.count + 1)
    public var totalSeconds = 0.0

    public init() {}

    mutating func record(seconds: Double, succeeded: Bool) {
        if succeeded { committed += 1 } else { failed += 1 }
        bucketCounts[Self.bounds.firstIndex { seconds <= $0 } ?? Self.bounds.count] += 1
        totalSeconds += seconds
    }
}
