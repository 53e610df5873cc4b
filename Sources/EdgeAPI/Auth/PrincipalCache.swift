import Dispatch
import Foundation

/// Bearer values that authenticated recently → their principal, for `ttl`.
///
/// Without it every request to a protected route read the token row from SQLite and hashed the
/// secret. An entry also belongs to one store write generation, like `ResourceReadCache`: a
/// revocation written by this process invalidates it at once. `ovn-edge token revoke` writes
/// from another process, which this one cannot observe, so entries expire after `ttl` too: such
/// a revocation takes effect within `ttl`. Only successes are kept; an unknown, malformed or
/// revoked token is checked against the database every time.
final class PrincipalCache: @unchecked Sendable {
    // Safe: `entries` is only touched while holding `lock`.
    private let lock = NSLock()
    private var entries: [String: (principal: Principal, generation: UInt64, expires: UInt64)] = [:]
    let ttl: Duration
    let capacity: Int

    init(ttl: Duration = .seconds(1), capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    func principal(for bearer: String, generation: UInt64) -> Principal? {
        let now = DispatchTime.now().uptimeNanoseconds
        return lock.withLock {
            guard let entry = entries[bearer] else { return nil }
            guard entry.expires > now, entry.generation == generation else {
                entries[bearer] = nil
                return nil
            }
            return entry.principal
        }
    }

    /// `generation` is the store's write generation read before the token was looked up.
    func store(_ principal: Principal, for bearer: String, generation: UInt64) {
        let (seconds, attoseconds) = ttl.components
        let expires = DispatchTime.now().uptimeNanoseconds + UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[bearer] = (principal, generation, expires)
        }
    }
}
