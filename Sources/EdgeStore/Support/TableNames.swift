import EdgeCore

/// Which table holds which kind.
enum TableNames {
    static func table(of kind: ResourceKind) -> String {
        switch kind {
        case .externalNetwork: "external_networks"
        case .eip: "eips"
        case .routerGateway: "router_gateways"
        case .nodeGateway: "node_gateways"
        case .floatingIP: "fips"
        case .snatRule: "snat_rules"
        case .dnatRule: "dnat_rules"
        case .mirror: "mirrors"
        }
    }

    static func kind(of table: String) -> ResourceKind? {
        ResourceKind.allCases.first { self.table(of: $0) == table }
    }
}
