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

    /// `SyncQueue.setStatuses`: every update in order, the stored phases in order.
    static func writeAll(_ updates: [(kind: ResourceKind, id: UUID, status: SyncStatus)], in scope: WriteScope) throws -> [SyncPhase?] {
        var writeBack = StatusWriteBack(scope)
        return try updates.map { try writeBack.write($0.kind, id: $0.id, status: $0.status) }
    }

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
        // Read straight from SQLite (`withFirstRow`): GRDB's row boxes every column, six per
        // status of a 10,000-object report.
        let found = try select.withFirstRow(.text(id.text)) { row -> (seq: Int64, current: SyncPhase, revision: Int64, previous: LoggedStatus)? in
            guard let row else { return nil }
            let previous = LoggedStatus(
                phase: try parse(try row.requiredText(1), as: SyncPhase.self, column: "phase"),
                observedRevision: row.integer(3), message: row.text(4), conditionsJSON: try row.requiredText(5)
            )
            return (row.integer(0), previous.phase, row.integer(2), previous)
        }
        guard let (seq, current, revision, previous) = found else { return nil }
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
        try update.executeBound(.text(phase.rawValue), .integer(observed), BoundValue(status.message), .text(conditionsJSON), .integer(seq))
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
