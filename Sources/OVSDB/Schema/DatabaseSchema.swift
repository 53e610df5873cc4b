/// A database schema as `get_schema` returns it.
public struct DatabaseSchema: Sendable, Hashable {
    public var name: String
    public var version: SchemaVersion?
    public var checksum: String?
    public var tables: [String: TableSchema]

    public init(name: String, version: SchemaVersion?, checksum: String? = nil, tables: [String: TableSchema]) {
        self.name = name
        self.version = version
        self.checksum = checksum
        self.tables = tables
    }

    public subscript(table: String) -> TableSchema? { tables[table] }

    public init(json: JSON) throws(OVSDBError) {
        guard let object = json.objectValue, let name = object["name"]?.stringValue,
              let tablesJSON = object["tables"]?.objectValue else {
            throw .protocolViolation("schema without name or tables")
        }
        var tables: [String: TableSchema] = [:]
        for (tableName, tableJSON) in tablesJSON {
            guard let table = TableSchema(name: tableName, json: tableJSON) else {
                throw .protocolViolation("schema table \(tableName) cannot be parsed")
            }
            tables[tableName] = table
        }
        self.init(name: name, version: object["version"]?.stringValue.flatMap(SchemaVersion.init),
                  checksum: object["cksum"]?.stringValue, tables: tables)
    }

    /// Parses a schema file's text (e.g. /usr/share/ovn/ovn-nb.ovsschema).
    public init(text: String) throws(OVSDBError) {
        let json: JSON
        do { json = try JSONParser.parse(text) } catch { throw .protocolViolation("schema is not JSON: \(error)") }
        try self.init(json: json)
    }

    /// Whether an enum-typed column accepts `value` (e.g. Mirror.type "local").
    public func allows(_ value: String, in table: String, column: String) -> Bool {
        guard let base = tables[table]?.columns[column]?.type.key else { return false }
        guard let allowed = base.enumeration else { return base.type == .string }
        return allowed.contains(.string(value))
    }

    public func hasColumn(_ column: String, in table: String) -> Bool {
        tables[table]?.columns[column] != nil
    }
}
