import OVSDB

/// Monitor updates the reconciler's loop has not looked at yet, appended in order on the NB I/O
/// thread (`OVSDBCache.onChange`) and drained by the loop into its kept `NBView`.
///
/// Appends stop while the loop does not track NB (standby, no lock), and past `limit` rows the
/// feed gives up: either way it reports itself incomplete, and the loop rebuilds its view from
/// a snapshot and runs a full pass instead of trusting what it holds.
struct ChangeFeed: Sendable {
    struct Entry: Sendable {
        /// `CacheUpdate.generation`: consecutive, so a gap shows.
        var generation: Int
        var cause: CacheUpdate.Cause
        var changes: [RowChange]
        /// Someone else's change (not the monitor update of our own transaction).
        var drift: Bool
    }

    /// Rows held at most before the feed gives up (a loop stuck for long, a huge resync); an
    /// entry counts as one row more, so updates without relevant rows cannot pile up either.
    static let limit = 500_000

    private var entries: [Entry] = []
    private var rows = 0
    private var complete = false
    private var tracking = false

    /// Starts (or stops) keeping updates; stopping drops what is held.
    mutating func track(_ on: Bool) {
        guard on != tracking else { return }
        tracking = on
        if !on { drop() }
    }

    mutating func append(_ entry: Entry) {
        // Once incomplete, the loop rebuilds from a snapshot anyway: holding more is useless.
        guard tracking, complete else { return }
        guard rows + entry.changes.count + 1 <= Self.limit else { drop(); return }
        entries.append(entry)
        rows += entry.changes.count + 1
    }

    /// What arrived since the last drain, and whether it is all of it.
    mutating func drain() -> (entries: [Entry], complete: Bool) {
        defer {
            entries = []
            rows = 0
            complete = true
        }
        return (entries, complete)
    }

    private mutating func drop() {
        entries = []
        rows = 0
        complete = false
    }
}
