import Foundation

extension NB {
    /// `Logical_Switch` (root; names are not unique).
    public struct LogicalSwitch: NorthboundModel {
        public static let tableName = "Logical_Switch"

        public var uuid: UUID
        public var name: String
        public var ports: [UUID]
        public var acls: [UUID]
        public var qosRules: [UUID]
        public var loadBalancers: [UUID]
        public var loadBalancerGroups: [UUID]
        public var dnsRecords: [UUID]
        public var forwardingGroups: [UUID]
        public var copp: UUID?
        public var otherConfig: [String: String]
        public var externalIDs: [String: String]

        public init(uuid: UUID = UUID(), name: String, otherConfig: [String: String] = [:], externalIDs: [String: String] = [:]) {
            self.uuid = uuid
            self.name = name
            ports = []; acls = []; qosRules = []; loadBalancers = []; loadBalancerGroups = []; dnsRecords = []; forwardingGroups = []
            copp = nil
            self.otherConfig = otherConfig
            self.externalIDs = externalIDs
        }

        public init(row: Row) {
            uuid = row.uuid
            name = row.string("name")
            ports = row.uuids("ports")
            acls = row.uuids("acls")
            qosRules = row.uuids("qos_rules")
            loadBalancers = row.uuids("load_balancer")
            loadBalancerGroups = row.uuids("load_balancer_group")
            dnsRecords = row.uuids("dns_records")
            forwardingGroups = row.uuids("forwarding_groups")
            copp = row.optionalUUID("copp")
            otherConfig = row.stringMap("other_config")
            externalIDs = row.stringMap("external_ids")
        }

        public var columns: [String: Value] {
            [
                "name": .string(name), "ports": .uuidSet(ports), "acls": .uuidSet(acls), "qos_rules": .uuidSet(qosRules),
                "load_balancer": .uuidSet(loadBalancers), "load_balancer_group": .uuidSet(loadBalancerGroups),
                "dns_records": .uuidSet(dnsRecords), "forwarding_groups": .uuidSet(forwardingGroups),
                "copp": .optional(copp), "other_config": .stringMap(otherConfig), "external_ids": .stringMap(externalIDs),
            ]
        }
    }
}
