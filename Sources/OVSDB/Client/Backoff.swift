/// Capped exponential reconnect delay: `initial`, 2×, 4×, … up to `maximum` seconds.
public struct Backoff: Sendable, Hashable {
    public var initial: Double
    public var maximum: Double

    public init(initial: Double = 1, maximum: Double = 8) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The delay before reconnect round `round` (1-based).
    public func delay(round: Int) -> Double {
        guard round > 0 else { return 0 }
        return min(maximum, initial * Double(1 << min(round - 1, 30)))
    }
}
