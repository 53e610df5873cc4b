/// Address counts of an external network (`GET /v1/external-networks/{id}/usage`).
public struct NetworkUsage: Hashable, Sendable {
    public struct Family: Hashable, Sendable {
        /// Addresses EIPs can get (CIDR minus reserved, gateway, excludes); saturates at UInt64.max.
        public let usable: UInt64
        public let allocated: UInt64
        public let free: UInt64
    }

    public let eips: Int
    public let routerGateways: Int
    public let nodeGateways: Int
    public let v4: Family?
    public let v6: Family?
}
