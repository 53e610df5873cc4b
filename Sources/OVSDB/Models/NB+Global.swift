import Foundation

extension NB {
    /// `NB_Global` (at most one row; absent on a fresh database until northd or ovn-nbctl adds it).
    /// `nb_cfg` is bumped by clients; ovn-northd answers through `sb_cfg`/`hv_cfg`.
    public struct Global: NorthboundModel {
        public static let tableName = "NB_Global"

        public var uuid: UUID
        public var name: String
        public var nbCfg: Int
        public var nbCfgTimestamp: Int
        public var sbCfg: Int
        public var sbCfgTimestamp: Int
        public var hvCfg: Int
        public var hvCfgTimestamp: Int
        public var options: [String: String]
        public var externalIDs: [String: String]
        public var connections: [UUID]
        public var ssl: UUID?
        public var ipsec: Bool

        public init(uuid: UUID = UUID(), name: String = "", options: [String: String] = [:]) {
            self.uuid = uuid
            self.name = name
            nbCfg = 0; nbCfgTimestamp = 0; sbCfg = 0; sbCfgTimestamp = 0; hvCfg = 0; hvCfgTimestamp = 0
            self.options = options
            externalIDs = [:]
            connections = []
            ssl = nil
            ipsec = false
        }

        public init(row: Row) {
            uuid = row.uuid
            name = row.string("name")
            nbCfg = row.integer("nb_cfg")
            nbCfgTimestamp = row.integer("nb_cfg_timestamp")
            sbCfg = row.integer("sb_cfg")
            sbCfgTimestamp = row.integer("sb_cfg_timestamp")
            hvCfg = row.integer("hv_cfg")
            hvCfgTimestamp = row.integer("hv_cfg_timestamp")
            options = row.stringMap("options")
            externalIDs = row.stringMap("external_ids")
            connections = row.uuids("connections")
            ssl = row.optionalUUID("ssl")
            ipsec = row.boolean("ipsec")
        }

        /// Client-owned columns only (the `*_cfg` answers belong to ovn-northd).
        public var columns: [String: Value] {
            [
                "name": .string(name), "nb_cfg": .integer(nbCfg), "options": .stringMap(options),
                "external_ids": .stringMap(externalIDs), "connections": .uuidSet(connections),
                "ssl": .optional(ssl), "ipsec": .boolean(ipsec),
            ]
        }
    }
}
