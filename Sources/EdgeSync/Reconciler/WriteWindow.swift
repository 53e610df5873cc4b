/// Tells our own NB changes from drift while one of our transactions is in flight.
///
/// ovsdb-server sends the monitor update of a transaction before its reply, as exactly one
/// update notification. So during our write the first non-trivial update is ours; any further
/// one is someone else's change that happened meanwhile and must not be dropped.
struct WriteWindow: Sendable {
    private var active = false
    private var updatesSeen = 0

    mutating func open() {
        active = true
        updatesSeen = 0
    }

    mutating func close() { active = false }

    /// Records a monitor update; true when it must be treated as drift.
    mutating func isDrift() -> Bool {
        guard active else { return true }
        updatesSeen += 1
        return updatesSeen > 1
    }
}
