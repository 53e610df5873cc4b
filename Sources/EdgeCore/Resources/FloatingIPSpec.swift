/// 1:1 NAT between an EIP and an internal address (NB `NAT` type `dnat_and_snat`). At most one
/// floating IP per EIP.
public struct FloatingIPSpec: ResourceSpec {
    public static let kind = ResourceKind.floatingIP

    public var eip: ResourceReference
    public var router: String
    public var internalIP: IPAddress
    /// The LSP behind `internal_ip`; required for distributed mode.
    public var logicalPort: String?
    public var mode: DistributionMode
    public var stateless: Bool

    enum CodingKeys: String, CodingKey {
        case eip, router, mode, stateless
        case internalIP = "internal_ip"
        case logicalPort = "logical_port"
    }

    /// `stateless` defaults to true for distributed FIPs (no conntrack on the chassis that owns
    /// the port, as Kube-OVN's distributed gateway sets it) and false for centralized ones.
    public init(eip: ResourceReference, router: String, internalIP: IPAddress, logicalPort: String? = nil, mode: DistributionMode = .centralized, stateless: Bool? = nil) {
        self.eip = eip
        self.router = router
        self.internalIP = internalIP
        self.logicalPort = logicalPort
        self.mode = mode
        self.stateless = stateless ?? (mode == .distributed)
    }

    public func validate() -> [FieldError] {
        var report = ValidationReport()
        if router.isEmpty { report.add("router", .required, "names the NB logical router") }
        if mode == .distributed && (logicalPort ?? "").isEmpty {
            report.add("logical_port", .required, "distributed floating IPs need the logical port")
        }
        if let logicalPort, logicalPort.isEmpty { report.add("logical_port", .invalidValue, "must not be empty") }
        return report.errors
    }
}
