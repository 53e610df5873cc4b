/// What an EIP is for, like the type column of Kube-OVN's `oeip` listing. `nat` EIPs back NAT
/// (at most one floating IP, and any SNAT and DNAT rules at once); a gateway EIP gives its address
/// and MAC to one port: a router's (`router-gateway`, Kube-OVN `lrp`) or a node's
/// (`node-gateway`, Kube-OVN `node-ext-gw`). NAT rules refuse gateway EIPs and gateways refuse EIPs
/// NAT rules use.
public enum EIPUsage: String, Hashable, Sendable, Codable, CaseIterable {
    case nat
    case routerGateway = "router-gateway"
    case nodeGateway = "node-gateway"
}
