import EdgeCore
import GRDB

/// Turns SQLite failures into `StoreError`s. Unique violations name the API fields, from
/// SQLite's "UNIQUE constraint failed: table.col, table.col" message.
enum DatabaseErrorMapping {
    static func map(_ error: any Error, kind: ResourceKind? = nil) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        if error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE || error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY,
           let message = error.message, let columns = message.components(separatedBy: "failed: ").last {
            let qualified = columns.components(separatedBy: ", ")
            let table = qualified.first?.components(separatedBy: ".").first ?? ""
            let fields = qualified.map { apiField($0.components(separatedBy: ".").last ?? $0) }
            return StoreError.uniqueViolation(kind: kind ?? TableNames.kind(of: table) ?? .eip, fields: fields, value: nil)
        }
        return StoreError.database(error.description)
    }

    /// Column names are API field names except for references.
    static func apiField(_ column: String) -> String {
        switch column {
        case "eip_id": "eip"
        case "network_id": "network"
        case "mirror_index": "index"
        default: column
        }
    }
}
