import Foundation
import OVSDB

/// The NB content planning works from, with the lookups the mappings need: rows by name, rows
/// ovn-edge owns by owner, who references a row, NAT rows by logical port, and the conflict
/// index (`NBIndex`).
///
/// The reconciler keeps one view across passes and updates it row by row from the monitor's
/// changes (`apply`), so a pass over a few objects costs O(their rows), not O(NB). A view is
/// built from a cache snapshot (at start, after a gap in the changes) or, in unit tests, from
/// hand-made rows through the same `apply`, so a kept view equals a fresh one built from the
/// same content (`==`, checked by tests).
struct NBView: Sendable, Equatable {
    /// Tables whose rows carry ovn-edge ownership keys when ovn-edge wrote them.
    static let ownedTables: Set<String> = [
        "Logical_Switch", "Logical_Switch_Port", "Logical_Router_Port", "Gateway_Chassis",
        "Logical_Router_Static_Route", "NAT", "Load_Balancer", "Mirror",
    ]
    /// Monitored but never read by planning: not kept (NB_Global changes with every northd and
    /// chassis acknowledgement).
    static let ignoredTables: Set<String> = ["NB_Global"]
    static let namedTables: Set<String> = ["Logical_Router", "Logical_Switch", "Logical_Switch_Port", "Logical_Router_Port", "Mirror", "Gateway_Chassis"]
    /// Per parent table, the set columns ovn-edge links its rows into (`RowReference.managedColumns`).
    static let managedColumns: [String: [String]] = Dictionary(grouping: RowReference.managedColumns, by: \.table)
        .mapValues { $0.map(\.column) }

    struct RowID: Hashable, Sendable {
        var table: String
        var uuid: UUID
    }

    struct NameKey: Hashable, Sendable {
        var table: String
        var name: String
    }

    /// Which owned rows are this deployment's (`owned`, `owner(of:)`); rows of other
    /// deployments are indexed like other tools' rows.
    let ownership: OwnershipScope
    private(set) var tables: [String: [UUID: Row]] = [:]
    private var byName: [NameKey: Set<UUID>] = [:]
    private var ownedByTag: [String: Set<RowID>] = [:]
    private var referrers: [UUID: Set<RowReference>] = [:]
    private var natsByLogicalPort: [String: Set<UUID>] = [:]
    /// NAT rows and load balancers by the value a new row would clash on, per router.
    private(set) var index = NBIndex()

    init(snapshot: CacheSnapshot, ownership: OwnershipScope) {
        var tables: [String: [UUID: Row]] = [:]
        for (name, table) in snapshot.tables where !Self.ignoredTables.contains(name) { tables[name] = table.rows }
        self.init(tables: tables, ownership: ownership)
    }

    init(tables: [String: [UUID: Row]], ownership: OwnershipScope = .unscoped) {
        self.ownership = ownership
        for (table, rows) in tables {
            self.tables[table] = [:]
            for (uuid, row) in rows { set(table, uuid, to: row) }
        }
    }

    // MARK: - Keeping up with NB

    /// Applies monitor changes in order (the new content of each row; nil = deleted). A change
    /// that lists the atoms its diff toggled in a set column is followed through those alone.
    mutating func apply<C: Sequence>(_ changes: C) where C.Element == RowChange {
        for change in changes { set(change.table, change.uuid, to: change.new, toggled: change.toggled) }
    }

    /// Replaces one row (nil deletes it) and every lookup that depends on it. `toggled`: per
    /// set column, the atoms that entered or left it since the row the view holds (only from a
    /// monitor change that follows the view's own row, as `ViewTracker` applies them).
    mutating func set(_ table: String, _ uuid: UUID, to new: Row?, toggled: [String: Set<Atom>] = [:]) {
        let old = tables[table]?[uuid]
        if old == nil && new == nil { return }
        tables[table, default: [:]][uuid] = new
        if Self.namedTables.contains(table) { updateName(table, uuid, from: old, to: new) }
        if Self.ownedTables.contains(table) { updateOwner(RowID(table: table, uuid: uuid), from: old, to: new) }
        if table == "NAT" { updateLogicalPort(uuid, from: old, to: new) }
        for column in Self.managedColumns[table] ?? [] {
            updateChildren(table, uuid, column, from: old, to: new, toggled: old == nil ? nil : toggled[column])
        }
        if table == "NAT" || table == "Load_Balancer" {
            for reference in referrers[uuid] ?? [] where reference.table == "Logical_Router" {
                refreshEdge(router: reference.uuid, column: reference.column, child: uuid)
            }
        }
    }

    private mutating func updateName(_ table: String, _ uuid: UUID, from old: Row?, to new: Row?) {
        let before = old?.optionalString("name"), after = new?.optionalString("name")
        guard before != after else { return }
        if let before { Self.remove(uuid, from: &byName, at: NameKey(table: table, name: before)) }
        if let after { byName[NameKey(table: table, name: after), default: []].insert(uuid) }
    }

    private mutating func updateOwner(_ id: RowID, from old: Row?, to new: Row?) {
        let before = old.flatMap(owner), after = new.flatMap(owner)
        guard before != after else { return }
        if let before { Self.remove(id, from: &ownedByTag, at: before) }
        if let after { ownedByTag[after, default: []].insert(id) }
    }

    private mutating func updateLogicalPort(_ uuid: UUID, from old: Row?, to new: Row?) {
        let before = old?.optionalString("logical_port"), after = new?.optionalString("logical_port")
        guard before != after else { return }
        if let before { Self.remove(uuid, from: &natsByLogicalPort, at: before) }
        if let after { natsByLogicalPort[after, default: []].insert(uuid) }
    }

    /// Links added to or removed from a managed column: referrers, and the index's edges. Only
    /// the difference is walked (a router's 10,000 NAT links are not re-read for one more); with
    /// the atoms a monitor diff toggled it is not even computed: comparing both sets of a
    /// router's NAT column cost O(its NATs) on every pass.
    private mutating func updateChildren(_ table: String, _ uuid: UUID, _ column: String, from old: Row?, to new: Row?, toggled: Set<Atom>?) {
        let before = Self.atoms(old?.columns[column]), after = Self.atoms(new?.columns[column])
        let removed: Set<Atom>, added: Set<Atom>
        if let toggled, let delta = Self.delta(toggled, before: before, after: after) {
            (removed, added) = delta
        } else {
            guard before != after else { return }
            removed = before.subtracting(after)
            added = after.subtracting(before)
        }
        let reference = RowReference(table: table, uuid: uuid, column: column)
        let indexed = table == "Logical_Router" && NBIndex.indexedColumns[column] != nil
        for case .uuid(let child) in removed {
            Self.remove(reference, from: &referrers, at: child)
            if indexed { refreshEdge(router: uuid, column: column, child: child) }
        }
        for case .uuid(let child) in added {
            referrers[child, default: []].insert(reference)
            if indexed { refreshEdge(router: uuid, column: column, child: child) }
        }
    }

    private mutating func refreshEdge(router: UUID, column: String, child: UUID) {
        guard let childTable = NBIndex.indexedColumns[column] else { return }
        let linked = referrers[child]?.contains(RowReference(table: "Logical_Router", uuid: router, column: column)) ?? false
        index.refresh(NBIndex.Edge(router: router, child: child), childTable: childTable, child: tables[childTable]?[child], linked: linked)
    }

    /// What left and what entered a set, from the atoms a diff toggled; nil when the counts
    /// show that `before` is not the row the diff was applied to (then the sets are compared).
    private static func delta(_ toggled: Set<Atom>, before: Set<Atom>, after: Set<Atom>) -> (removed: Set<Atom>, added: Set<Atom>)? {
        let added = toggled.filter { after.contains($0) }
        let removed = toggled.subtracting(added)
        guard before.count - removed.count + added.count == after.count else { return nil }
        return (removed, added)
    }

    private static func atoms(_ value: Value?) -> Set<Atom> {
        switch value {
        case .set(let atoms)?: return atoms
        case .atom(let atom)?: return [atom]
        default: return []
        }
    }

    private static func remove<K: Hashable, E: Hashable>(_ element: E, from map: inout [K: Set<E>], at key: K) {
        map[key]?.remove(element)
        if map[key]?.isEmpty == true { map[key] = nil }
    }

    // MARK: - Lookups

    func row(_ table: String, _ uuid: UUID) -> Row? { tables[table]?[uuid] }

    /// Rows of `table` named `name`, by uuid (names of routers and switches are not unique).
    func rows(_ table: String, named name: String) -> [Row] {
        guard let uuids = byName[NameKey(table: table, name: name)] else { return [] }
        if uuids.count == 1 { return uuids.compactMap { tables[table]?[$0] } }
        return uuids.sorted { $0.precedes($1) }.compactMap { tables[table]?[$0] }
    }

    /// Parent columns that reference `uuid` now.
    func referrers(of uuid: UUID) -> [RowReference] { referrers[uuid].map(Array.init) ?? [] }

    /// The same as a set, without a copy (the planner asks once per desired row).
    func referrerSet(of uuid: UUID) -> Set<RowReference> { referrers[uuid] ?? [] }

    /// Rows owned by `key`'s object (ours, and legacy rows written before deployments).
    func owned(by key: ObjectKey) -> [OwnedRow] { owned(tag: Ownership.tag(key)) }

    /// Rows carrying this owner tag, in a fixed order (table, uuid).
    func owned(tag: String) -> [OwnedRow] {
        guard let ids = ownedByTag[tag] else { return [] }
        return ids.sorted { $0.table != $1.table ? $0.table < $1.table : $0.uuid.precedes($1.uuid) }
            .compactMap { id in row(id.table, id.uuid).map { OwnedRow(table: id.table, row: $0) } }
    }

    /// Every owner tag found on a row.
    var ownerTags: [String] { Array(ownedByTag.keys) }

    /// NAT rows whose `logical_port` is `name`.
    func nats(onLogicalPort name: String) -> [Row] {
        (natsByLogicalPort[name] ?? []).compactMap { row("NAT", $0) }
    }

    /// The owner tag of a row this deployment manages; nil for other tools' and other deployments' rows.
    func owner(of row: Row) -> String? { ownership.owner(of: row) }

    func ownerDescription(of row: Row) -> String { ownership.ownerDescription(of: row) }

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
        guard let row = rows(table, named: name).first(where: { owner(of: $0) != Ownership.tag(key) }) else { return nil }
        return .conflict(table: table, uuid: row.uuid, detail: "name \(name) is taken (\(ownerDescription(of: row)))")
    }
}

/// A row found with an ovn-edge owner key.
struct OwnedRow: Hashable, Sendable {
    var table: String
    var row: Row
    var uuid: UUID { row.uuid }
}
