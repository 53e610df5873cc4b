import Foundation

/// Encoded answers of `GET <kind path>/{id}` — JSON bytes, ETag and the object's project — of
/// one state of the database (`DatabaseStamp`: this process's store write generation and the
/// WAL file, which another process's commit moves — a `serve` replica on the same file).
///
/// An entry is stored under the stamp taken *before* the database read that produced it, and a
/// lookup only hits with the current stamp, so any write that finished since makes every entry
/// a miss: nothing here has to know which objects a write touched (a FIP changes its EIP's
/// `used_by`, the reconciler writes statuses). Under a read-mostly load the stamp stays put and
/// a GET costs a `stat` and a dictionary lookup instead of SQLite + JSON.
final class ResourceReadCache: @unchecked Sendable {
    // Safe: `generation` and `entries` are only touched while holding `lock`.
    struct Entry: Sendable {
        let project: String
        let tag: String
        let body: [UInt8]
    }

    private let lock = NSLock()
    private var stamp: DatabaseStamp?
    private var entries: [String: Entry] = [:]
    /// Entries kept at most; past it the cache starts over (no LRU bookkeeping per hit).
    let capacity: Int

    init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    func entry(_ key: String, stamp: DatabaseStamp) -> Entry? {
        lock.withLock { stamp == self.stamp ? entries[key] : nil }
    }

    /// Keeps `entry` under `stamp`; another stamp drops everything kept under the old one at
    /// once — unless it is of an older write generation of this process (a slow reader).
    func store(_ entry: Entry, for key: String, stamp: DatabaseStamp) {
        lock.withLock {
            if stamp != self.stamp {
                if let current = self.stamp, stamp.generation < current.generation { return }
                entries.removeAll(keepingCapacity: true)
                self.stamp = stamp
            }
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }
}
