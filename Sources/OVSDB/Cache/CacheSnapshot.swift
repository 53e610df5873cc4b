import Foundation

/// An immutable, consistent view of every monitored table. Taking one is O(1) (copy on write);
/// reading it needs no lock and never blocks the connection.
public struct CacheSnapshot: Sendable {
    public internal(set) var generation: Int
    public internal(set) var tables: [String: TableSnapshot]
    /// The schema of the connected database (nil before the first connection).
    public internal(set) var schema: DatabaseSchema?
    /// Whether the first monitor reply has been loaded.
    public internal(set) var isLoaded: Bool

    init() {
        generation = 0
        tables = [:]
        schema = nil
        isLoaded = false
    }

    /// The table's rows; an empty table when it is not monitored.
    public subscript(table: String) -> TableSnapshot {
        tables[table] ?? TableSnapshot(name: table, indexesName: false)
    }

    public func row(_ table: String, _ uuid: UUID) -> Row? { tables[table]?[uuid] }
}
