/// The object kinds ovn-edge stores; raw values appear in the change log, errors and events.
public enum ResourceKind: String, Hashable, Sendable, Codable, CaseIterable {
    case externalNetwork = "external-network"
    case eip
    case routerGateway = "router-gateway"
    case nodeGateway = "node-gateway"
    case floatingIP = "fip"
    case snatRule = "snat-rule"
    case dnatRule = "dnat-rule"
    case mirror
}
