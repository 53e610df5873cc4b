import GRDB

/// Records inserted through one cached `INSERT` per table with positional arguments. GRDB's
/// `insert` builds a case-insensitive column dictionary and looks up the table's schema for
/// every row: ~7 % of a bulk FIP create (benchmarks/RESULTS.md, write path).
protocol CachedInsertRecord: ResourceRecord {
    /// `CommonColumns.insertSQL(table:own:)` of the table and the kind's own columns.
    static var insertSQL: String { get }
    /// The kind's own column values, in the order of `insertSQL`'s own columns.
    var ownValues: [BoundValue] { get }
}

extension CachedInsertRecord {
    func insertCached(_ db: Database) throws {
        try db.cachedStatement(sql: Self.insertSQL).executeBound(common.insertValues + ownValues)
    }
}

extension CommonColumns {
    /// Inserted columns (no `seq`: SQLite assigns it), in the order of `insertValues`.
    static let insertColumns = [
        "id", "name", "project", "labels", "revision", "created_at", "updated_at",
        "phase", "observed_revision", "status_message", "conditions", "change_seq",
    ]

    var insertValues: [BoundValue] {
        [.text(id), BoundValue(name), .text(project), .text(labels), .integer(revision), .text(createdAt), .text(updatedAt),
         .text(phase), .integer(observedRevision), BoundValue(statusMessage), .text(conditions), .integer(changeSeq)]
    }

    static func insertSQL(table: String, own: [String]) -> String {
        let columns = insertColumns + own
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    }
}

extension FloatingIPRecord: CachedInsertRecord {
    static let insertSQL = CommonColumns.insertSQL(table: databaseTableName, own: ["eip_id", "router", "internal_ip", "logical_port", "mode", "stateless"])
    var ownValues: [BoundValue] { [.text(eipID), .text(router), .text(internalIP), BoundValue(logicalPort), .text(mode), .integer(stateless ? 1 : 0)] }
}

extension EIPRecord: CachedInsertRecord {
    static let insertSQL = CommonColumns.insertSQL(table: databaseTableName, own: ["network_id", "ip_v4", "ip_v6", "mac", "usage"])
    var ownValues: [BoundValue] { [.text(networkID), BoundValue(ipV4), BoundValue(ipV6), .text(mac), .text(usage)] }
}
