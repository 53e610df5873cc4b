import Foundation

/// One `transact` operation (RFC 7047 §5.2 plus the explicit `uuid` of ovsdb-server ≥ 2.13).
public enum OVSDBOperation: Sendable, Hashable {
    /// `uuid` makes the row's `_uuid` that value (idempotent retries: a second insert fails with
    /// `duplicate uuid`); `uuidName` lets later ops refer to the row as `.namedUUID(name)`.
    case insert(table: String, row: [String: Value], uuid: UUID? = nil, uuidName: String? = nil)
    case select(table: String, where: [Condition], columns: [String]? = nil)
    case update(table: String, where: [Condition], row: [String: Value])
    case mutate(table: String, where: [Condition], mutations: [Mutation])
    case delete(table: String, where: [Condition])
    /// Waits until the rows matching `where`, projected on `columns`, are (`==`) or are not
    /// (`!=`) exactly `rows`. `timeout` 0 makes it a precondition; nil waits forever.
    case wait(table: String, where: [Condition], columns: [String], until: WaitCondition, rows: [[String: Value]], timeout: Int? = 0)
    case commit(durable: Bool)
    case abort
    case comment(String)
    /// Fails the transaction with `not owner` unless this session holds `lock`.
    case assert(lock: String)

    public enum WaitCondition: String, Sendable, Hashable { case equal = "==", notEqual = "!=" }

    /// The table the op touches, if any.
    public var table: String? {
        switch self {
        case .insert(let t, _, _, _), .select(let t, _, _), .update(let t, _, _), .mutate(let t, _, _),
             .delete(let t, _), .wait(let t, _, _, _, _, _): return t
        default: return nil
        }
    }

    /// A precondition that no row with this `_uuid` exists in `table` (fails with `timed out` if
    /// one does): guards a retried transaction against being applied twice.
    public static func requireAbsent(_ table: String, uuid: UUID) -> OVSDBOperation {
        .wait(table: table, where: [.uuid(uuid)], columns: ["_uuid"], until: .equal, rows: [], timeout: 0)
    }

    /// A precondition that the row `uuid` still has these column values (optimistic concurrency).
    public static func requireColumns(_ table: String, uuid: UUID, _ columns: [String: Value]) -> OVSDBOperation {
        .wait(table: table, where: [.uuid(uuid)], columns: Array(columns.keys), until: .equal, rows: [columns], timeout: 0)
    }
}

extension OVSDBOperation {
    public var json: JSON {
        var o: [String: JSON]
        switch self {
        case .insert(let table, let row, let uuid, let uuidName):
            o = ["op": "insert", "table": .string(table), "row": Self.rowJSON(row)]
            if let uuid { o["uuid"] = .string(uuid.ovsdbString) }
            if let uuidName { o["uuid-name"] = .string(uuidName) }
        case .select(let table, let conditions, let columns):
            o = ["op": "select", "table": .string(table), "where": Self.whereJSON(conditions)]
            if let columns { o["columns"] = .array(columns.map(JSON.string)) }
        case .update(let table, let conditions, let row):
            o = ["op": "update", "table": .string(table), "where": Self.whereJSON(conditions), "row": Self.rowJSON(row)]
        case .mutate(let table, let conditions, let mutations):
            o = ["op": "mutate", "table": .string(table), "where": Self.whereJSON(conditions),
                 "mutations": .array(mutations.map(\.json))]
        case .delete(let table, let conditions):
            o = ["op": "delete", "table": .string(table), "where": Self.whereJSON(conditions)]
        case .wait(let table, let conditions, let columns, let until, let rows, let timeout):
            o = ["op": "wait", "table": .string(table), "where": Self.whereJSON(conditions),
                 "columns": .array(columns.map(JSON.string)), "until": .string(until.rawValue),
                 "rows": .array(rows.map(Self.rowJSON))]
            if let timeout { o["timeout"] = .int(timeout) }
        case .commit(let durable): o = ["op": "commit", "durable": .bool(durable)]
        case .abort: o = ["op": "abort"]
        case .comment(let text): o = ["op": "comment", "comment": .string(text)]
        case .assert(let lock): o = ["op": "assert", "lock": .string(lock)]
        }
        return .object(o)
    }

    private static func rowJSON(_ row: [String: Value]) -> JSON { .object(row.mapValues(\.json)) }
    private static func whereJSON(_ conditions: [Condition]) -> JSON { .array(conditions.map(\.json)) }
}
