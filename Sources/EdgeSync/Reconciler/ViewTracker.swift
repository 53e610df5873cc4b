import OVSDB

/// The reconciler's kept `NBView`: before each planning step it applies the row changes the
/// `ChangeFeed` collected since the last one (O(changed rows)); it rebuilds the view from a cache
/// snapshot (O(NB)) only at start, after the feed gave up or when the generations show a gap.
///
/// It also keeps the drift changes it applied (someone else's), for the loop to scope its next
/// drift pass; `driftUnknown` says drift happened that it cannot list (a rebuild, a resync after
/// a reconnect): the loop runs a full pass then.
struct ViewTracker: Sendable {
    private(set) var view: NBView
    /// The cache generation the view reflects; -1 before the first build.
    private(set) var generation = -1
    private(set) var drift: [RowChange] = []
    private(set) var driftUnknown = false
    /// Builds from a snapshot so far (statistics for tests and logs).
    private(set) var rebuilds = 0

    init(ownership: OwnershipScope) {
        view = NBView(tables: [:], ownership: ownership)
    }

    /// Brings the view up to the cache's latest update the feed has delivered.
    mutating func catchUp(feed: Guarded<ChangeFeed>, cache: OVSDBCache) {
        let (entries, complete) = feed.update { $0.drain() }
        if !complete || generation < 0 { rebuild(cache, lostDrift: generation >= 0) }
        for entry in entries {
            if entry.drift {
                if entry.cause == .update { drift += entry.changes } else { driftUnknown = true }
            }
            guard entry.generation > generation else { continue } // already in the snapshot
            if entry.generation == generation + 1 {
                view.apply(entry.changes)
                generation = entry.generation
            } else {
                rebuild(cache, lostDrift: true) // the snapshot holds this entry and any before it
            }
        }
    }

    /// The drift changes seen since the last call, and whether some could not be listed.
    mutating func takeDrift() -> (changes: [RowChange], unknown: Bool) {
        defer {
            drift = []
            driftUnknown = false
        }
        return (drift, driftUnknown)
    }

    private mutating func rebuild(_ cache: OVSDBCache, lostDrift: Bool) {
        let snapshot = cache.snapshot()
        let ownership = view.ownership
        view = NBView(tables: [:], ownership: ownership) // release the old view before building the new one
        view = NBView(snapshot: snapshot, ownership: ownership)
        generation = snapshot.generation
        rebuilds += 1
        if lostDrift { driftUnknown = true }
    }
}
