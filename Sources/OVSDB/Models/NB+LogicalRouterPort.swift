import Foundation

extension NB {
    /// `Logical_Router_Port` (non-root, kept by `Logical_Router.ports`; `name` is unique).
    public struct LogicalRouterPort: NorthboundModel {
        public static let tableName = "Logical_Router_Port"

        public var uuid: UUID
        public var name: String
        public var mac: String
        /// At least one `"ip/prefix"`.
        public var networks: [String]
        public var peer: String?
        public var enabled: Bool?
        public var gatewayChassis: [UUID]
        public var haChassisGroup: UUID?
        public var options: [String: String]
        public var ipv6RAConfigs: [String: String]
        public var ipv6Prefix: [String]
        public var externalIDs: [String: String]

        public init(uuid: UUID = UUID(), name: String, mac: String, networks: [String], peer: String? = nil,
                    gatewayChassis: [UUID] = [], options: [String: String] = [:], externalIDs: [String: String] = [:]) {
            self.uuid = uuid
            self.name = name
            self.mac = mac
            self.networks = networks
            self.peer = peer
            self.enabled = nil
            self.gatewayChassis = gatewayChassis
            self.haChassisGroup = nil
            self.options = options
            self.ipv6RAConfigs = [:]
            self.ipv6Prefix = []
            self.externalIDs = externalIDs
        }

        public init(row: Row) {
            uuid = row.uuid
            name = row.string("name")
            mac = row.string("mac")
            networks = row.strings("networks")
            peer = row.optionalString("peer")
            enabled = row.optionalBoolean("enabled")
            gatewayChassis = row.uuids("gateway_chassis")
            haChassisGroup = row.optionalUUID("ha_chassis_group")
            options = row.stringMap("options")
            ipv6RAConfigs = row.stringMap("ipv6_ra_configs")
            ipv6Prefix = row.strings("ipv6_prefix")
            externalIDs = row.stringMap("external_ids")
        }

        public var columns: [String: Value] {
            [
                "name": .string(name), "mac": .string(mac), "networks": .stringSet(networks), "peer": .optional(peer),
                "enabled": .optional(enabled), "gateway_chassis": .uuidSet(gatewayChassis),
                "ha_chassis_group": .optional(haChassisGroup), "options": .stringMap(options),
                "ipv6_ra_configs": .stringMap(ipv6RAConfigs), "ipv6_prefix": .stringSet(ipv6Prefix),
                "external_ids": .stringMap(externalIDs),
            ]
        }
    }
}
