/// A Prometheus histogram's state: cumulative-ready bucket counts for fixed upper bounds, the
/// sum and the count of observations.
public struct Histogram: Sendable, Hashable {
    /// Upper bounds in seconds, ascending (`+Inf` is implied).
    public let bounds: [Double]
    /// Observations per bucket (not cumulative); one more entry than `bounds`, for `+Inf`.
    public private(set) var counts: [Int]
    public private(set) var sum: Double = 0
    public private(set) var count = 0

    /// Latency buckets from 0.5 ms to 10 s.
    public static let latencyBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    public init(bounds: [Double] = Histogram.latencyBounds) {
        self.bounds = bounds
        counts = Array(repeating: 0, count: bounds.count + 1)
    }

    /// A histogram recorded elsewhere (per-bucket counts, one more than `bounds`).
    public init(bounds: [Double], counts: [Int], sum: Double) {
        precondition(counts.count == bounds.count + 1, "one count per bound plus +Inf")
        self.bounds = bounds
        self.counts = counts
        self.sum = sum
        count = counts.reduce(0, +)
    }

    public mutating func observe(_ value: Double) {
        let index = bounds.firstIndex { value <= $0 } ?? bounds.count
        counts[index] += 1
        sum += value
        count += 1
    }
}
