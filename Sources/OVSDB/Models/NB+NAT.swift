import Foundation

extension NB {
    /// `NAT` (non-root: kept alive only by `Logical_Router.nat`).
    public struct NAT: NorthboundModel {
        public static let tableName = "NAT"
        public enum Kind: String, Sendable { case dnat, snat, dnatAndSnat = "dnat_and_snat" }

        public var uuid: UUID
        /// `dnat`, `snat` or `dnat_and_snat` (a string, so a newer schema's values survive).
        public var type: String
        public var externalIP: String
        public var externalMAC: String?
        public var externalPortRange: String
        public var logicalIP: String
        public var logicalPort: String?
        public var allowedExternalIPs: UUID?
        public var exemptedExternalIPs: UUID?
        public var gatewayPort: UUID?
        public var options: [String: String]
        public var externalIDs: [String: String]

        public init(uuid: UUID = UUID(), type: Kind, externalIP: String, logicalIP: String, externalMAC: String? = nil,
                    externalPortRange: String = "", logicalPort: String? = nil, gatewayPort: UUID? = nil,
                    options: [String: String] = [:], externalIDs: [String: String] = [:]) {
            self.uuid = uuid
            self.type = type.rawValue
            self.externalIP = externalIP
            self.externalMAC = externalMAC
            self.externalPortRange = externalPortRange
            self.logicalIP = logicalIP
            self.logicalPort = logicalPort
            self.allowedExternalIPs = nil
            self.exemptedExternalIPs = nil
            self.gatewayPort = gatewayPort
            self.options = options
            self.externalIDs = externalIDs
        }

        public init(row: Row) {
            uuid = row.uuid
            type = row.string("type")
            externalIP = row.string("external_ip")
            externalMAC = row.optionalString("external_mac")
            externalPortRange = row.string("external_port_range")
            logicalIP = row.string("logical_ip")
            logicalPort = row.optionalString("logical_port")
            allowedExternalIPs = row.optionalUUID("allowed_ext_ips")
            exemptedExternalIPs = row.optionalUUID("exempted_ext_ips")
            gatewayPort = row.optionalUUID("gateway_port")
            options = row.stringMap("options")
            externalIDs = row.stringMap("external_ids")
        }

        public var kind: Kind? { Kind(rawValue: type) }

        public var columns: [String: Value] {
            [
                "type": .string(type), "external_ip": .string(externalIP), "external_mac": .optional(externalMAC),
                "external_port_range": .string(externalPortRange), "logical_ip": .string(logicalIP),
                "logical_port": .optional(logicalPort), "allowed_ext_ips": .optional(allowedExternalIPs),
                "exempted_ext_ips": .optional(exemptedExternalIPs), "gateway_port": .optional(gatewayPort),
                "options": .stringMap(options), "external_ids": .stringMap(externalIDs),
            ]
        }
    }
}
