import Foundation

/// Encoded answers of `GET <kind path>/{id}` — JSON bytes, ETag and the object's project — of
/// one store write generation (`Store.writeGeneration`).
///
/// An entry is stored under the generation read *before* the database read that produced it,
/// and a lookup only hits with the current generation, so any write that finished since makes
/// every entry a miss: nothing here has to know which objects a write touched (a FIP changes
/// its EIP's `used_by`, the reconciler writes statuses). Under a read-mostly load the
/// generation stays put and a GET costs a dictionary lookup instead of SQLite + JSON.
final class ResourceReadCache: @unchecked Sendable {
    // Safe: `generation` and `entries` are only touched while holding `lock`.
    struct Entry: Sendable {
        let project: String
        let tag: String
        let body: [UInt8]
    }

    private let lock = NSLock()
    private var generation: UInt64 = 0
    private var entries: [String: Entry] = [:]
    /// Entries kept at most; past it the cache starts over (no LRU bookkeeping per hit).
    let capacity: Int

    init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    func entry(_ key: String, generation: UInt64) -> Entry? {
        lock.withLock { generation == self.generation ? entries[key] : nil }
    }

    /// Keeps `entry` if `generation` is still the newest one seen; a newer generation drops
    /// everything older at once.
    func store(_ entry: Entry, for key: String, generation: UInt64) {
        lock.withLock {
            if generation > self.generation {
                entries.removeAll(keepingCapacity: true)
                self.generation = generation
            }
            guard generation == self.generation else { return }
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }
}
