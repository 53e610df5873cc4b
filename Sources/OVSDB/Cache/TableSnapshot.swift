import Foundation

/// The cached rows of one table at one moment, with a lookup by `name` for tables that have
/// that column (names of Logical_Switch, Logical_Router and Load_Balancer are not unique, so a
/// name maps to every row carrying it).
public struct TableSnapshot: Sendable {
    public let name: String
    public private(set) var rows: [UUID: Row] = [:]
    private var byName: [String: Set<UUID>] = [:]
    private let indexesName: Bool

    init(name: String, indexesName: Bool) {
        self.name = name
        self.indexesName = indexesName
    }

    public var count: Int { rows.count }
    public var isEmpty: Bool { rows.isEmpty }
    public subscript(uuid: UUID) -> Row? { rows[uuid] }
    public var allRows: Dictionary<UUID, Row>.Values { rows.values }

    /// Rows whose `name` column equals `name`.
    public func rows(named name: String) -> [Row] {
        (byName[name] ?? []).compactMap { rows[$0] }
    }

    /// Rows whose string-map `column` (default `external_ids`) has `key`, optionally with `value`.
    public func rows(withKey key: String, value: String? = nil, in column: String = "external_ids") -> [Row] {
        rows.values.filter { row in
            guard let found = row.value(of: key, in: column) else { return false }
            return value == nil || found == value
        }
    }

    mutating func set(_ row: Row) {
        let old = rows.updateValue(row, forKey: row.uuid)
        guard indexesName else { return }
        let oldName = old?.columns["name"]?.string, newName = row.columns["name"]?.string
        if oldName != newName {
            if let oldName { byName[oldName]?.remove(row.uuid); if byName[oldName]?.isEmpty == true { byName[oldName] = nil } }
            if let newName { byName[newName, default: []].insert(row.uuid) }
        }
    }

    @discardableResult
    mutating func remove(_ uuid: UUID) -> Row? {
        guard let old = rows.removeValue(forKey: uuid) else { return nil }
        if indexesName, let oldName = old.columns["name"]?.string {
            byName[oldName]?.remove(uuid)
            if byName[oldName]?.isEmpty == true { byName[oldName] = nil }
        }
        return old
    }
}
