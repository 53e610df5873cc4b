public struct TableSchema: Sendable, Hashable {
    public var name: String
    public var columns: [String: ColumnSchema]
    public var isRoot: Bool
    public var maxRows: Int?
    /// Each index is a set of columns whose combined values are unique.
    public var indexes: [[String]]

    public init(name: String, columns: [String: ColumnSchema], isRoot: Bool = false, maxRows: Int? = nil, indexes: [[String]] = []) {
        self.name = name
        self.columns = columns
        self.isRoot = isRoot
        self.maxRows = maxRows
        self.indexes = indexes
    }

    public subscript(column: String) -> ColumnSchema? { columns[column] }

    /// The row every column at its default: ovsdb-server leaves default columns out of
    /// `initial`/`insert` updates, so the cache starts from this.
    public var defaultColumns: [String: Value] {
        columns.mapValues(\.type.defaultValue)
    }

    init?(name: String, json: JSON) {
        guard let object = json.objectValue, let columnsJSON = object["columns"]?.objectValue else { return nil }
        var columns: [String: ColumnSchema] = [:]
        for (columnName, columnJSON) in columnsJSON {
            guard let typeJSON = columnJSON["type"], let type = ColumnType(json: typeJSON) else { return nil }
            columns[columnName] = ColumnSchema(name: columnName, type: type,
                                               isEphemeral: columnJSON["ephemeral"]?.boolValue ?? false,
                                               isMutable: columnJSON["mutable"]?.boolValue ?? true)
        }
        self.init(name: name, columns: columns,
                  isRoot: object["isRoot"]?.boolValue ?? false,
                  maxRows: object["maxRows"]?.intValue,
                  indexes: (object["indexes"]?.arrayValue ?? []).map { ($0.arrayValue ?? []).compactMap(\.stringValue) })
    }
}
