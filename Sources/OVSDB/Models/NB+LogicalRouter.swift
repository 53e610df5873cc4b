import Foundation

extension NB {
    /// `Logical_Router` (root; names are not unique). Edit its reference sets with `mutate`
    /// (`Mutation.insert("nat", uuids:)`), never by rewriting the whole set.
    public struct LogicalRouter: NorthboundModel {
        public static let tableName = "Logical_Router"

        public var uuid: UUID
        public var name: String
        public var ports: [UUID]
        public var staticRoutes: [UUID]
        public var policies: [UUID]
        public var nat: [UUID]
        public var loadBalancers: [UUID]
        public var loadBalancerGroups: [UUID]
        public var enabled: Bool?
        public var copp: UUID?
        public var options: [String: String]
        public var externalIDs: [String: String]

        public init(uuid: UUID = UUID(), name: String, options: [String: String] = [:], externalIDs: [String: String] = [:]) {
            self.uuid = uuid
            self.name = name
            ports = []; staticRoutes = []; policies = []; nat = []; loadBalancers = []; loadBalancerGroups = []
            enabled = nil
            copp = nil
            self.options = options
            self.externalIDs = externalIDs
        }

        public init(row: Row) {
            uuid = row.uuid
            name = row.string("name")
            ports = row.uuids("ports")
            staticRoutes = row.uuids("static_routes")
            policies = row.uuids("policies")
            nat = row.uuids("nat")
            loadBalancers = row.uuids("load_balancer")
            loadBalancerGroups = row.uuids("load_balancer_group")
            enabled = row.optionalBoolean("enabled")
            copp = row.optionalUUID("copp")
            options = row.stringMap("options")
            externalIDs = row.stringMap("external_ids")
        }

        public var columns: [String: Value] {
            [
                "name": .string(name), "ports": .uuidSet(ports), "static_routes": .uuidSet(staticRoutes),
                "policies": .uuidSet(policies), "nat": .uuidSet(nat), "load_balancer": .uuidSet(loadBalancers),
                "load_balancer_group": .uuidSet(loadBalancerGroups), "enabled": .optional(enabled),
                "copp": .optional(copp), "options": .stringMap(options), "external_ids": .stringMap(externalIDs),
            ]
        }
    }
}
