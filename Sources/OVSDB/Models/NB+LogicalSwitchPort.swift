import Foundation

extension NB {
    /// `Logical_Switch_Port` (non-root, kept by `Logical_Switch.ports`; `name` is unique).
    public struct LogicalSwitchPort: NorthboundModel {
        public static let tableName = "Logical_Switch_Port"

        public var uuid: UUID
        public var name: String
        /// `""` (VIF), `router`, `localnet`, `localport`, …
        public var type: String
        public var options: [String: String]
        public var parentName: String?
        public var tagRequest: Int?
        /// Set by ovn-northd.
        public var tag: Int?
        public var addresses: [String]
        /// Set by ovn-northd.
        public var dynamicAddresses: String?
        public var portSecurity: [String]
        /// Set by ovn-northd.
        public var up: Bool?
        public var enabled: Bool?
        public var dhcpv4Options: UUID?
        public var dhcpv6Options: UUID?
        public var mirrorRules: [UUID]
        public var haChassisGroup: UUID?
        public var externalIDs: [String: String]

        public init(uuid: UUID = UUID(), name: String, type: String = "", addresses: [String] = [],
                    options: [String: String] = [:], externalIDs: [String: String] = [:]) {
            self.uuid = uuid
            self.name = name
            self.type = type
            self.options = options
            parentName = nil; tagRequest = nil; tag = nil; dynamicAddresses = nil; up = nil; enabled = nil
            dhcpv4Options = nil; dhcpv6Options = nil; haChassisGroup = nil
            self.addresses = addresses
            portSecurity = []
            mirrorRules = []
            self.externalIDs = externalIDs
        }

        public init(row: Row) {
            uuid = row.uuid
            name = row.string("name")
            type = row.string("type")
            options = row.stringMap("options")
            parentName = row.optionalString("parent_name")
            tagRequest = row.optionalInteger("tag_request")
            tag = row.optionalInteger("tag")
            addresses = row.strings("addresses")
            dynamicAddresses = row.optionalString("dynamic_addresses")
            portSecurity = row.strings("port_security")
            up = row.optionalBoolean("up")
            enabled = row.optionalBoolean("enabled")
            dhcpv4Options = row.optionalUUID("dhcpv4_options")
            dhcpv6Options = row.optionalUUID("dhcpv6_options")
            mirrorRules = row.uuids("mirror_rules")
            haChassisGroup = row.optionalUUID("ha_chassis_group")
            externalIDs = row.stringMap("external_ids")
        }

        /// Leaves out `tag`, `dynamic_addresses` and `up`, which ovn-northd writes.
        public var columns: [String: Value] {
            [
                "name": .string(name), "type": .string(type), "options": .stringMap(options),
                "parent_name": .optional(parentName), "tag_request": .optional(tagRequest),
                "addresses": .stringSet(addresses), "port_security": .stringSet(portSecurity),
                "enabled": .optional(enabled), "dhcpv4_options": .optional(dhcpv4Options),
                "dhcpv6_options": .optional(dhcpv6Options), "mirror_rules": .uuidSet(mirrorRules),
                "ha_chassis_group": .optional(haChassisGroup), "external_ids": .stringMap(externalIDs),
            ]
        }
    }
}
