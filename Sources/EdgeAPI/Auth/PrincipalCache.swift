import Dispatch
import Foundation

/// Bearer values that authenticated recently → their principal, for `ttl`.
///
/// Without it every request to a protected route read the token row from SQLite and hashed the
/// secret. An entry is valid while the `DatabaseStamp` it was read under is unchanged (no
/// write by this process, none to the database file by another, such as `ovn-edge token
/// revoke`) and for at most `ttl`. Only successes are kept; an unknown, malformed or revoked
/// token is checked against the database every time.
final class PrincipalCache: @unchecked Sendable {
    // Safe: `entries` is only touched while holding `lock`.
    private let lock = NSLock()
    private var entries: [String: (principal: Principal, stamp: DatabaseStamp, expires: UInt64)] = [:]
    let ttl: Duration
    let capacity: Int

    init(ttl: Duration = .seconds(1), capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    func principal(for bearer: String, stamp: DatabaseStamp) -> Principal? {
        let now = DispatchTime.now().uptimeNanoseconds
        return lock.withLock {
            guard let entry = entries[bearer] else { return nil }
            guard entry.expires > now, entry.stamp == stamp else {
                entries[bearer] = nil
                return nil
            }
            return entry.principal
        }
    }

    /// `stamp` was taken before the token was looked up.
    func store(_ principal: Principal, for bearer: String, stamp: DatabaseStamp) {
        let (seconds, attoseconds) = ttl.components
        let expires = DispatchTime.now().uptimeNanoseconds + UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[bearer] = (principal, stamp, expires)
        }
    }
}
