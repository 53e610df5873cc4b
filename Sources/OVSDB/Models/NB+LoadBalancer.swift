import Foundation

extension NB {
    /// `Load_Balancer` (root: must be deleted explicitly; names are not unique).
    public struct LoadBalancer: NorthboundModel {
        public static let tableName = "Load_Balancer"

        public var uuid: UUID
        public var name: String
        /// `"VIP[:port]"` → `"ip[:port],ip[:port]"`.
        public var vips: [String: String]
        /// `tcp`, `udp`, `sctp` or nil (tcp when ports are given).
        public var `protocol`: String?
        public var healthChecks: [UUID]
        public var ipPortMappings: [String: String]
        public var selectionFields: [String]
        public var options: [String: String]
        public var externalIDs: [String: String]

        public init(uuid: UUID = UUID(), name: String, vips: [String: String], protocol: String? = nil,
                    options: [String: String] = [:], externalIDs: [String: String] = [:]) {
            self.uuid = uuid
            self.name = name
            self.vips = vips
            self.protocol = `protocol`
            self.healthChecks = []
            self.ipPortMappings = [:]
            self.selectionFields = []
            self.options = options
            self.externalIDs = externalIDs
        }

        public init(row: Row) {
            uuid = row.uuid
            name = row.string("name")
            vips = row.stringMap("vips")
            `protocol` = row.optionalString("protocol")
            healthChecks = row.uuids("health_check")
            ipPortMappings = row.stringMap("ip_port_mappings")
            selectionFields = row.strings("selection_fields")
            options = row.stringMap("options")
            externalIDs = row.stringMap("external_ids")
        }

        public var columns: [String: Value] {
            [
                "name": .string(name), "vips": .stringMap(vips), "protocol": .optional(`protocol`),
                "health_check": .uuidSet(healthChecks), "ip_port_mappings": .stringMap(ipPortMappings),
                "selection_fields": .stringSet(selectionFields), "options": .stringMap(options),
                "external_ids": .stringMap(externalIDs),
            ]
        }
    }
}
