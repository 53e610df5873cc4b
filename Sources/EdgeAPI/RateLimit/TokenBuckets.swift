import Foundation

/// One token bucket per client key. `take` answers nil when a request may run, or the seconds
/// until it could.
final class TokenBuckets: @unchecked Sendable {
    // Safe: `buckets` is only touched under `lock`.
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    let limit: RateLimit
    private let lock = NSLock()
    private var buckets: [String: Bucket] = [:]
    private let clock = ContinuousClock()

    init(_ limit: RateLimit) { self.limit = limit }

    func take(_ key: String) -> Double? {
        let now = clock.now
        return lock.withLock {
            var bucket = buckets[key] ?? Bucket(tokens: limit.burst, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(limit.burst, bucket.tokens + seconds * limit.perSecond)
            bucket.updated = now
            defer { buckets[key] = bucket }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return (1 - bucket.tokens) / limit.perSecond
        }
    }
}
