/// A logical router's port on an external network (Kube-OVN's "lrp" EIP): the router gets the
/// EIP's address and MAC there, gateway chassis and optionally a default route via the network's
/// gateway. Without `eip` the store allocates one for the gateway and releases it with it.
public struct RouterGatewaySpec: ResourceSpec {
    public static let kind = ResourceKind.routerGateway

    /// NB Logical_Router name or UUID.
    public var router: String
    public var network: ResourceReference
    public var eip: ResourceReference?
    /// Empty = the network's gateway chassis.
    public var gatewayChassis: [String]
    public var defaultRoute: Bool

    enum CodingKeys: String, CodingKey {
        case router, network, eip
        case gatewayChassis = "gateway_chassis"
        case defaultRoute = "default_route"
    }

    public init(router: String, network: ResourceReference, eip: ResourceReference? = nil, gatewayChassis: [String] = [], defaultRoute: Bool = true) {
        self.router = router
        self.network = network
        self.eip = eip
        self.gatewayChassis = gatewayChassis
        self.defaultRoute = defaultRoute
    }

    public func validate() -> [FieldError] {
        var report = ValidationReport()
        if router.isEmpty { report.add("router", .required, "names the NB logical router") }
        checkChassis(gatewayChassis, field: "gateway_chassis", report: &report)
        return report.errors
    }
}
