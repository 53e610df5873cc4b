import Foundation

extension CacheSnapshot {
    /// Every cached row of the model's table.
    public func all<M: NorthboundModel>(_ type: M.Type) -> [M] {
        self[M.tableName].allRows.map(M.init(row:))
    }

    public func get<M: NorthboundModel>(_ type: M.Type, _ uuid: UUID) -> M? {
        self[M.tableName][uuid].map(M.init(row:))
    }

    /// Rows named `name` (several for LS/LR/LB, whose names are not unique).
    public func named<M: NorthboundModel>(_ type: M.Type, _ name: String) -> [M] {
        self[M.tableName].rows(named: name).map(M.init(row:))
    }

    /// Rows whose `external_ids` carry `key` (with `value` if given), e.g. every row ovn-edge owns.
    public func owned<M: NorthboundModel>(_ type: M.Type, key: String = "ovn-edge:owner", value: String? = nil) -> [M] {
        self[M.tableName].rows(withKey: key, value: value).map(M.init(row:))
    }
}
