import Foundation

/// Applying `<table-updates>` (monitor) and `<table-updates2>` (monitor_cond,
/// monitor_cond_since) to cached tables.
enum TableUpdates {
    /// Which monitor notation a payload uses.
    enum Notation { case v1, v2 }

    /// Applies incremental updates in place; returns the changes.
    /// `inconsistencies` counts updates that do not fit the cache (a modify or delete of an
    /// unknown row, an insert of a known one): the caller should reload.
    static func applyIncremental(_ payload: JSON, notation: Notation, to tables: inout [String: TableSnapshot],
                                 schema: DatabaseSchema?, columns: [String: [String]], inconsistencies: inout Int) -> [RowChange] {
        guard let byTable = payload.objectValue else { return [] }
        var changes: [RowChange] = []
        for (table, rowsJSON) in byTable {
            guard let rows = rowsJSON.objectValue else { continue }
            let tableSchema = schema?[table]
            var snapshot = tables[table] ?? TableSnapshot(name: table, indexesName: tableSchema?["name"] != nil)
            tables[table] = nil // keep the snapshot uniquely referenced while mutating it
            let defaults = defaultColumns(tableSchema, columns[table])
            for (uuidText, update) in rows {
                guard let uuid = UUID(ovsdb: uuidText), let update = update.objectValue else { continue }
                let old = snapshot[uuid]
                let new: Row?
                // A modify from a diff knows what it changed: comparing the rows instead would
                // walk a router's whole NAT set on every update.
                var modified: Bool?
                var toggled: [String: Set<Atom>] = [:]
                switch notation {
                case .v1:
                    if let newJSON = update["new"]?.objectValue {
                        var row = old ?? Row(uuid: uuid, columns: defaults)
                        for (name, value) in Row(json: newJSON, table: tableSchema, uuid: uuid).columns { row.columns[name] = value }
                        new = row
                    } else {
                        new = nil
                    }
                case .v2:
                    if let inserted = (update["initial"] ?? update["insert"])?.objectValue {
                        if old != nil && update["insert"] != nil { inconsistencies += 1 }
                        var row = Row(uuid: uuid, columns: defaults)
                        for (name, value) in Row(json: inserted, table: tableSchema, uuid: uuid).columns { row.columns[name] = value }
                        new = row
                    } else if let diff = update["modify"]?.objectValue {
                        guard var row = old else { inconsistencies += 1; continue }
                        var changed = false
                        for (name, valueJSON) in diff {
                            let type = tableSchema?[name]?.type
                            guard let value = Value(json: valueJSON, type: type) else { continue }
                            let before = row.columns[name]
                            let (after, flipped) = applyDiff(value, to: before, type: type)
                            row.columns[name] = after
                            if let flipped {
                                if !flipped.isEmpty { toggled[name] = flipped; changed = true }
                            } else if after != before {
                                changed = true
                            }
                        }
                        modified = changed
                        new = row
                    } else if update["delete"] != nil {
                        if old == nil { inconsistencies += 1 }
                        new = nil
                    } else {
                        continue
                    }
                }
                if let new { snapshot.set(new) } else if old != nil { snapshot.remove(uuid) } else { continue }
                if modified ?? (old != new) { changes.append(RowChange(table: table, uuid: uuid, old: old, new: new, toggled: toggled)) }
            }
            tables[table] = snapshot
        }
        return changes
    }

    /// Replaces the tables with a full snapshot (an initial monitor reply) and returns the
    /// difference: inserts, modifies, and deletes for rows that are gone.
    static func replace(with payload: JSON, notation: Notation, tables: inout [String: TableSnapshot],
                        schema: DatabaseSchema?, columns: [String: [String]], monitored: [String]) -> [RowChange] {
        var fresh: [String: TableSnapshot] = [:]
        for table in monitored {
            fresh[table] = TableSnapshot(name: table, indexesName: schema?[table]?["name"] != nil)
        }
        var ignored = 0
        _ = applyIncremental(payload, notation: notation, to: &fresh, schema: schema, columns: columns, inconsistencies: &ignored)
        var changes: [RowChange] = []
        for (table, newTable) in fresh {
            let oldTable = tables[table]
            for (uuid, row) in newTable.rows {
                let old = oldTable?[uuid]
                if old != row { changes.append(RowChange(table: table, uuid: uuid, old: old, new: row)) }
            }
            if let oldTable {
                for (uuid, row) in oldTable.rows where newTable[uuid] == nil {
                    changes.append(RowChange(table: table, uuid: uuid, old: row, new: nil))
                }
            }
        }
        for (table, oldTable) in tables where fresh[table] == nil {
            for (uuid, row) in oldTable.rows { changes.append(RowChange(table: table, uuid: uuid, old: row, new: nil)) }
        }
        tables = fresh
        return changes
    }

    private static func defaultColumns(_ table: TableSchema?, _ columns: [String]?) -> [String: Value] {
        guard let table else { return [:] }
        guard let columns else { return table.defaultColumns }
        var out: [String: Value] = [:]
        for name in columns { if let column = table[name] { out[name] = column.type.defaultValue } }
        return out
    }

    /// update2 `modify`: scalars are replaced, sets toggle the given elements, maps add, remove
    /// or replace the given keys. For a set, also the atoms toggled (nil for other values).
    static func applyDiff(_ diff: Value, to old: Value?, type: ColumnType?) -> (Value, toggled: Set<Atom>?) {
        switch (diff, old) {
        case (.map(let changes), .map(var current)?):
            for (key, value) in changes {
                if let existing = current[key], existing == value { current[key] = nil } else { current[key] = value }
            }
            return (.map(current), nil)
        case (.set(let toggled), .set(var current)?):
            for atom in toggled { if current.remove(atom) == nil { current.insert(atom) } }
            return (.set(current), toggled)
        case (.atom(let atom), .set(var current)?) where type?.isScalar != true:
            if current.remove(atom) == nil { current.insert(atom) }
            return (.set(current), [atom])
        default:
            return (diff, nil)
        }
    }
}
