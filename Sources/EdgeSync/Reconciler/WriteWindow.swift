/// Tells our own NB changes from drift while our transactions are in flight.
///
/// ovsdb-server runs one connection's transactions in order and sends a transaction's monitor
/// update before its reply, as exactly one update notification (none when it changed nothing).
/// So while transactions of ours are outstanding, each update is ours as long as fewer updates
/// were taken as ours than transactions were sent since the connection last went quiet; any
/// further one is someone else's change and must not be dropped. (Another client's update
/// arriving before ours is taken for ours, and ours then for drift: a harmless drift pass over
/// our own rows; the other change waits for the periodic full pass. The same holds with one
/// transaction in flight.)
struct WriteWindow: Sendable {
    private var outstanding = 0
    private var sent = 0
    private var taken = 0

    mutating func open() {
        if outstanding == 0 {
            sent = 0
            taken = 0
        }
        outstanding += 1
        sent += 1
    }

    mutating func close() { outstanding = max(0, outstanding - 1) }

    /// Records a monitor update; true when it must be treated as drift.
    mutating func isDrift() -> Bool {
        guard outstanding > 0, taken < sent else { return true }
        taken += 1
        return false
    }
}
