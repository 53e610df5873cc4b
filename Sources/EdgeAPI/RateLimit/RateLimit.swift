/// A token bucket: `burst` requests at once, refilled at `perSecond`.
public struct RateLimit: Sendable, Hashable {
    public var perSecond: Double
    public var burst: Double

    /// nil when `perSecond` is not positive (no limit).
    public init?(perSecond: Double, burst: Double? = nil) {
        guard perSecond > 0, perSecond.isFinite else { return nil }
        self.perSecond = perSecond
        self.burst = max(1, burst ?? perSecond * 2)
    }
}
