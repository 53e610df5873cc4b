import Foundation

extension OVSDBOperation {
    /// Inserts a model row. `uuid` defaults to the model's own (so the NB row carries the API
    /// object's id); pass `explicitUUID: false` to let the server choose.
    public static func insert<M: NorthboundModel>(_ model: M, explicitUUID: Bool = true, uuidName: String? = nil) -> OVSDBOperation {
        .insert(table: M.tableName, row: model.columns, uuid: explicitUUID ? model.uuid : nil, uuidName: uuidName)
    }

    /// Overwrites the model's columns on its row.
    public static func update<M: NorthboundModel>(_ model: M, columns: [String]? = nil) -> OVSDBOperation {
        var row = model.columns
        if let columns { row = row.filter { columns.contains($0.key) } }
        return .update(table: M.tableName, where: [.uuid(model.uuid)], row: row)
    }

    /// Deletes the row `uuid` of the model's table.
    public static func delete<M: NorthboundModel>(_ type: M.Type, _ uuid: UUID) -> OVSDBOperation {
        .delete(table: M.tableName, where: [.uuid(uuid)])
    }

    /// Adds references to a set column of one row, e.g. NAT rows to `Logical_Router.nat`.
    public static func addReferences<M: NorthboundModel>(_ type: M.Type, _ uuid: UUID, column: String, _ refs: [UUID]) -> OVSDBOperation {
        .mutate(table: M.tableName, where: [.uuid(uuid)], mutations: [.insert(column, uuids: refs)])
    }

    /// Removes references from a set column of one row.
    public static func removeReferences<M: NorthboundModel>(_ type: M.Type, _ uuid: UUID, column: String, _ refs: [UUID]) -> OVSDBOperation {
        .mutate(table: M.tableName, where: [.uuid(uuid)], mutations: [.delete(column, uuids: refs)])
    }
}
