import Foundation
import OVSDB

/// Tells our own NB changes from drift while our transactions are in flight.
///
/// ovsdb-server runs one connection's transactions in order and sends a transaction's monitor
/// update before its reply, as exactly one update notification (none when it changed nothing).
/// So while transactions of ours are outstanding, each update is ours as long as fewer updates
/// were taken as ours than transactions were sent since the connection last went quiet; any
/// further one is someone else's change and must not be dropped.
///
/// Counting alone cannot tell which update is whose: another client's update (another
/// deployment's writer, an operator's `ovn-nbctl`) arriving before ours would be taken for ours.
/// So each transaction also says which rows it can change (`rows(changedBy:)`), and an update
/// that changes any other row is drift whatever the count. Only a change by someone else to the
/// very rows we are writing, at that moment, still passes for ours; the periodic full pass
/// catches it.
struct WriteWindow: Sendable {
    private var outstanding = 0
    private var sent = 0
    private var taken = 0
    /// The rows the outstanding transactions can change; nil when one of them could not say.
    private var expected: Set<UUID>? = []

    /// A transaction of ours is sent; `rows`: what it can change (nil: unknown).
    mutating func open(touching rows: Set<UUID>? = nil) {
        if outstanding == 0 {
            sent = 0
            taken = 0
            expected = []
        }
        outstanding += 1
        sent += 1
        if let rows, expected != nil { expected!.formUnion(rows) } else { expected = nil }
    }

    mutating func close() { outstanding = max(0, outstanding - 1) }

    /// Records a monitor update changing the rows `changed`; true when it must be treated as drift.
    mutating func isDrift(_ changed: [UUID] = []) -> Bool {
        guard outstanding > 0, taken < sent else { return true }
        if let expected, changed.contains(where: { !expected.contains($0) }) { return true }
        taken += 1
        return false
    }

    /// Every row `operations` can change: inserted uuids, rows selected by `_uuid`, and rows
    /// their values reference (a link removed from a set garbage-collects the row it pointed
    /// to). Nil when an operation picks rows otherwise, or inserts without naming the uuid.
    static func rows(changedBy operations: [OVSDBOperation]) -> Set<UUID>? {
        var rows = Set<UUID>()
        for operation in operations {
            switch operation {
            case .insert(_, let row, let uuid, _):
                guard let uuid else { return nil }
                rows.insert(uuid)
                for value in row.values { rows.formUnion(value.uuids) }
            case .update(_, let conditions, let row):
                guard let selected = selectedRow(conditions) else { return nil }
                rows.insert(selected)
                for value in row.values { rows.formUnion(value.uuids) }
            case .mutate(_, let conditions, let mutations):
                guard let selected = selectedRow(conditions) else { return nil }
                rows.insert(selected)
                for mutation in mutations { rows.formUnion(mutation.value.uuids) }
            case .delete(_, let conditions):
                guard let selected = selectedRow(conditions) else { return nil }
                rows.insert(selected)
            case .select, .wait, .commit, .abort, .comment, .assert:
                continue
            }
        }
        return rows
    }

    private static func selectedRow(_ conditions: [Condition]) -> UUID? {
        guard conditions.count == 1, conditions[0].column == "_uuid", conditions[0].function == .equal else { return nil }
        return conditions[0].value.uuid
    }
}
