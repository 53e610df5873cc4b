import Foundation

/// One row: its `_uuid` and the columns that were monitored or selected. Columns a newer schema
/// adds are kept as they came; nothing is dropped.
public struct Row: Sendable, Hashable {
    public var uuid: UUID
    public var columns: [String: Value]

    public init(uuid: UUID, columns: [String: Value]) {
        self.uuid = uuid
        self.columns = columns
    }

    public subscript(column: String) -> Value? {
        get { columns[column] }
        set { columns[column] = newValue }
    }
}

extension Row {
    public func string(_ column: String) -> String { columns[column]?.string ?? "" }
    public func optionalString(_ column: String) -> String? { columns[column]?.string }
    public func integer(_ column: String) -> Int { columns[column]?.integer ?? 0 }
    public func optionalInteger(_ column: String) -> Int? { columns[column]?.integer }
    public func boolean(_ column: String) -> Bool { columns[column]?.boolean ?? false }
    public func optionalBoolean(_ column: String) -> Bool? { columns[column]?.boolean }
    public func optionalUUID(_ column: String) -> UUID? { columns[column]?.uuid }
    public func strings(_ column: String) -> [String] { columns[column]?.strings ?? [] }
    public func uuids(_ column: String) -> [UUID] { columns[column]?.uuids ?? [] }
    public func stringMap(_ column: String) -> [String: String] { columns[column]?.stringMap ?? [:] }
    /// One key of a string map, e.g. `row.value(of: "ovn-edge:owner", in: "external_ids")`.
    public func value(of key: String, in column: String) -> String? {
        guard case .map(let m)? = columns[column] else { return nil }
        return m[.string(key)]?.string
    }
}
