import Foundation

extension NB {
    /// `Logical_Router_Static_Route` (non-root, kept by `Logical_Router.static_routes`).
    public struct LogicalRouterStaticRoute: NorthboundModel {
        public static let tableName = "Logical_Router_Static_Route"

        public var uuid: UUID
        public var ipPrefix: String
        /// An IP, or `discard`.
        public var nexthop: String
        public var outputPort: String?
        /// `src-ip` or `dst-ip` (nil means dst-ip).
        public var policy: String?
        public var routeTable: String
        public var bfd: UUID?
        public var options: [String: String]
        public var externalIDs: [String: String]

        public init(uuid: UUID = UUID(), ipPrefix: String, nexthop: String, outputPort: String? = nil, policy: String? = nil,
                    routeTable: String = "", externalIDs: [String: String] = [:]) {
            self.uuid = uuid
            self.ipPrefix = ipPrefix
            self.nexthop = nexthop
            self.outputPort = outputPort
            self.policy = policy
            self.routeTable = routeTable
            self.bfd = nil
            self.options = [:]
            self.externalIDs = externalIDs
        }

        public init(row: Row) {
            uuid = row.uuid
            ipPrefix = row.string("ip_prefix")
            nexthop = row.string("nexthop")
            outputPort = row.optionalString("output_port")
            policy = row.optionalString("policy")
            routeTable = row.string("route_table")
            bfd = row.optionalUUID("bfd")
            options = row.stringMap("options")
            externalIDs = row.stringMap("external_ids")
        }

        public var columns: [String: Value] {
            [
                "ip_prefix": .string(ipPrefix), "nexthop": .string(nexthop), "output_port": .optional(outputPort),
                "policy": .optional(policy), "route_table": .string(routeTable), "bfd": .optional(bfd),
                "options": .stringMap(options), "external_ids": .stringMap(externalIDs),
            ]
        }
    }
}
