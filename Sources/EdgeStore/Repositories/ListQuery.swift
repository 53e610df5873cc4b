import EdgeCore

/// Filters and paging of a list call. Filters a kind does not have are refused
/// (`StoreError.unsupportedFilter`). Results come in creation order.
public struct ListQuery: Hashable, Sendable {
    public var project: String?
    public var phase: SyncPhase?
    /// Every given label must match exactly.
    public var labels: [String: String]
    /// EIPs and router gateways: the external network.
    public var network: ResourceReference?
    /// Rules and router gateways: the EIP they use.
    public var eip: ResourceReference?
    /// Rules and router gateways: the NB router.
    public var router: String?
    /// EIPs: the address (either family).
    public var ip: IPAddress?
    /// Node gateways: the node.
    public var node: String?
    /// EIPs: what they are for.
    public var usage: EIPUsage?
    /// EIPs: by their users.
    public var usedBy: EIPUserFilter?
    /// 1…1000; more is clamped.
    public var limit: Int
    /// `nextPageToken` of the previous page.
    public var pageToken: String?

    public static let maximumLimit = 1000

    public init(
        project: String? = nil, phase: SyncPhase? = nil, labels: [String: String] = [:],
        network: ResourceReference? = nil, eip: ResourceReference? = nil, router: String? = nil,
        ip: IPAddress? = nil, node: String? = nil, usage: EIPUsage? = nil, usedBy: EIPUserFilter? = nil,
        limit: Int = 100, pageToken: String? = nil
    ) {
        self.project = project
        self.phase = phase
        self.labels = labels
        self.network = network
        self.eip = eip
        self.router = router
        self.ip = ip
        self.node = node
        self.usage = usage
        self.usedBy = usedBy
        self.limit = limit
        self.pageToken = pageToken
    }
}
