import Foundation
import OVSDB

/// The NB content one planning pass works from, with the lookups the mappings need: rows by
/// name, rows ovn-edge owns by owner, and who references a row. Built once per pass from the
/// client's cache (or, in unit tests, from hand-made rows).
struct NBView: Sendable {
    /// Tables whose rows carry ovn-edge ownership keys when ovn-edge wrote them.
    static let ownedTables = [
        "Logical_Switch", "Logical_Switch_Port", "Logical_Router_Port", "Gateway_Chassis",
        "Logical_Router_Static_Route", "NAT", "Load_Balancer", "Mirror",
    ]
    private static let namedTables = ["Logical_Router", "Logical_Switch", "Logical_Switch_Port", "Logical_Router_Port", "Mirror", "Gateway_Chassis"]

    let tables: [String: [UUID: Row]]
    private var byName: [String: [String: [UUID]]] = [:]
    private(set) var ownedByTag: [String: [OwnedRow]] = [:]
    private var referrers: [UUID: [RowReference]] = [:]
    /// NAT rows and load balancers by the value a new row would clash on, per router.
    let index: NBIndex

    init(snapshot: CacheSnapshot) {
        var tables: [String: [UUID: Row]] = [:]
        for (name, table) in snapshot.tables { tables[name] = table.rows }
        self.init(tables: tables)
    }

    init(tables: [String: [UUID: Row]]) {
        self.tables = tables
        index = NBIndex(tables: tables)
        for table in Self.namedTables {
            var index: [String: [UUID]] = [:]
            for (uuid, row) in tables[table] ?? [:] { index[row.string("name"), default: []].append(uuid) }
            byName[table] = index
        }
        for table in Self.ownedTables {
            for row in (tables[table] ?? [:]).values {
                guard let tag = row.value(of: Ownership.ownerKey, in: "external_ids") else { continue }
                ownedByTag[tag, default: []].append(OwnedRow(table: table, row: row))
            }
        }
        for (table, column) in RowReference.managedColumns {
            for (uuid, row) in tables[table] ?? [:] {
                for child in row.uuids(column) {
                    referrers[child, default: []].append(RowReference(table: table, uuid: uuid, column: column))
                }
            }
        }
    }

    func row(_ table: String, _ uuid: UUID) -> Row? { tables[table]?[uuid] }

    func rows(_ table: String, named name: String) -> [Row] {
        (byName[table]?[name] ?? []).compactMap { tables[table]?[$0] }
    }

    /// Parent columns that reference `uuid` now.
    func referrers(of uuid: UUID) -> [RowReference] { referrers[uuid] ?? [] }

    /// Rows owned by `key`'s object.
    func owned(by key: ObjectKey) -> [OwnedRow] { ownedByTag[Ownership.tag(key)] ?? [] }

    static func owner(of row: Row) -> String? { row.value(of: Ownership.ownerKey, in: "external_ids") }

    // MARK: - Lookups with problems

    /// A router by uuid or by (unique) name.
    func router(_ reference: String) -> Result<Row, SyncProblem> {
        if let uuid = UUID(uuidString: reference) {
            if let row = row("Logical_Router", uuid) { return .success(row) }
        }
        let found = rows("Logical_Router", named: reference)
        switch found.count {
        case 0: return .failure(.routerNotFound(reference))
        case 1: return .success(found[0])
        default: return .failure(.routerAmbiguous(reference, found.map(\.uuid)))
        }
    }

    func logicalSwitch(_ name: String) -> Result<Row, SyncProblem> {
        let found = rows("Logical_Switch", named: name)
        switch found.count {
        case 0: return .failure(.switchNotFound(name))
        case 1: return .success(found[0])
        default: return .failure(.switchAmbiguous(name, found.map(\.uuid)))
        }
    }

    func switchPort(_ name: String) -> Result<Row, SyncProblem> {
        guard let row = rows("Logical_Switch_Port", named: name).first else { return .failure(.portNotFound(name)) }
        return .success(row)
    }

    /// A row of a name-indexed table that is in the way unless `key` owns it.
    func foreignNamed(_ table: String, _ name: String, notOwnedBy key: ObjectKey) -> SyncProblem? {
        guard let row = rows(table, named: name).first(where: { Self.owner(of: $0) != Ownership.tag(key) }) else { return nil }
        let owner = Self.owner(of: row).map { "owned by \($0)" } ?? "not managed by ovn-edge"
        return .conflict(table: table, uuid: row.uuid, detail: "name \(name) is taken (\(owner))")
    }
}

/// A row found with an ovn-edge owner key.
struct OwnedRow: Hashable, Sendable {
    var table: String
    var row: Row
    var uuid: UUID { row.uuid }
}
