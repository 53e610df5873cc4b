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
    /// Fields a create left out, which the store fills in from the EIP's external network
    /// (`inherit(networkMode:)`). Never stored: empty on every stored spec.
    public var inherited: Inherited = []

    /// What `inherited` can hold: `mode` comes from the network, and `stateless` then follows it.
    public struct Inherited: OptionSet, Hashable, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let mode = Inherited(rawValue: 1)
        public static let stateless = Inherited(rawValue: 2)
    }

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

    /// A create body's spec: `mode` and `stateless` left out (nil) are taken from the external
    /// network of the EIP when the store resolves it.
    public static func requested(eip: ResourceReference, router: String, internalIP: IPAddress, logicalPort: String?,
                                 mode: DistributionMode?, stateless: Bool?) -> FloatingIPSpec {
        var spec = FloatingIPSpec(eip: eip, router: router, internalIP: internalIP, logicalPort: logicalPort,
                                  mode: mode ?? .centralized, stateless: stateless)
        if mode == nil { spec.inherited.insert(.mode) }
        if stateless == nil { spec.inherited.insert(.stateless) }
        return spec
    }

    /// Fills in what the create left out from the network's mode; the spec is complete afterwards.
    public mutating func inherit(networkMode: DistributionMode) {
        if inherited.contains(.mode) {
            mode = networkMode
            if inherited.contains(.stateless) { stateless = mode == .distributed }
        }
        inherited = []
    }

    public func validate() -> [FieldError] {
        var report = ValidationReport()
        if router.isEmpty { report.add("router", .required, "names the NB logical router") }
        // An inherited mode is checked once the store has filled it in.
        if mode == .distributed && !inherited.contains(.mode) && (logicalPort ?? "").isEmpty {
            report.add("logical_port", .required, "distributed floating IPs need the logical port")
        }
        if let logicalPort, logicalPort.isEmpty { report.add("logical_port", .invalidValue, "must not be empty") }
        return report.errors
    }
}
