import EdgeCore
import Foundation
import GRDB

/// The reconciler's statuses written in one store transaction (`SyncQueue.setStatuses`).
///
/// A report is up to thousands of objects that mostly go the same way (pending → ready, same
/// conditions), so per object only what differs is done: the statements are looked up once per
/// kind, the row is updated by the `seq` its read returned (one lookup of the text id, not two),
/// and the JSON that consecutive objects share — conditions and the logged before/after
/// status — is encoded once and reused while it is the same.
struct StatusWriteBack {
    private let scope: WriteScope
    private var statements: [ResourceKind: (select: Statement, update: Statement)] = [:]
    private var conditions = EncodedOnce<[StatusCondition]>()
    private var before = EncodedOnce<LoggedStatus>()
    private var after = EncodedOnce<LoggedStatus>()

    init(_ scope: WriteScope) { self.scope = scope }

    /// What a status change logs as `before` or `after`.
    private struct LoggedStatus: Equatable {
        var phase: SyncPhase
        var observedRevision: Int64
        var message: String?
        var conditionsJSON: String
    }

    /// See `SyncQueue.setStatus`: the stored phase, or nil when the object no longer exists.
    mutating func write(_ kind: ResourceKind, id: UUID, status: SyncStatus) throws -> SyncPhase? {
        let (select, update) = try statements(kind)
        let idText = id.text
        // Columns by index on the cursor's row: a fetched row finds a column by name by
        // lower-casing every column's, six times per status of a 10,000-object report.
        let rows = try Row.fetchCursor(select, arguments: [idText])
        guard let row = try rows.next() else { return nil }
        let seq: Int64 = row[0]
        let current = try parse(row[1], as: SyncPhase.self, column: "phase")
        let revision: Int64 = row[2]
        let previous = LoggedStatus(phase: current, observedRevision: row[3], message: row[4], conditionsJSON: row[5])
        var phase = status.phase
        if current == .deleting {
            phase = .deleting
        } else if phase == .deleting {
            throw StoreError.validation(ValidationFailure(field: "phase", code: .invalidValue, message: "only a delete request makes an object deleting"))
        } else if phase == .ready && status.observedRevision < revision {
            phase = .pending
        }
        let observed = min(status.observedRevision, revision)
        let conditionsJSON = conditions.text(for: status.conditions, ResourceSnapshot.encode)
        try update.execute(arguments: [phase.rawValue, observed, status.message, conditionsJSON, seq])
        scope.dropFresh(kind, id)
        if phase != current {
            let now = LoggedStatus(phase: phase, observedRevision: observed, message: status.message, conditionsJSON: conditionsJSON)
            try scope.log(.status, kind, id, before: before.text(for: previous, Self.encode), after: after.text(for: now, Self.encode))
        }
        return phase
    }

    private static func encode(_ status: LoggedStatus) -> String {
        ResourceSnapshot.encodeStatus(phase: status.phase, observedRevision: status.observedRevision,
                                      message: status.message, conditionsJSON: status.conditionsJSON)
    }

    /// Cached statements (compiling them — GRDB's authorizer runs while SQLite compiles — was a
    /// quarter of a status write-back), looked up once per kind per report.
    private mutating func statements(_ kind: ResourceKind) throws -> (select: Statement, update: Statement) {
        if let found = statements[kind] { return found }
        let table = TableNames.table(of: kind)
        let pair = (
            select: try scope.db.cachedStatement(sql: "SELECT seq, phase, revision, observed_revision, status_message, conditions FROM \(table) WHERE id = ?"),
            update: try scope.db.cachedStatement(sql: "UPDATE \(table) SET phase = ?, observed_revision = ?, status_message = ?, conditions = ? WHERE seq = ?")
        )
        statements[kind] = pair
        return pair
    }
}

/// The text of the last value encoded, reused while the next value is equal.
private struct EncodedOnce<Value: Equatable> {
    private var last: (value: Value, text: String)?

    mutating func text(for value: Value, _ encode: (Value) -> String) -> String {
        if let last, last.value == value { return last.text }
        let text = encode(value)
        last = (value, text)
        return text
    }
}
