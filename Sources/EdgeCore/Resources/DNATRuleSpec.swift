/// Port forwarding from EIP:external_port to internal_ip:internal_port (NB `Load_Balancer`).
/// (eip, protocol, external_port) is unique.
public struct DNATRuleSpec: ResourceSpec {
    public static let kind = ResourceKind.dnatRule

    public var eip: ResourceReference
    public var router: String
    public var `protocol`: TransportProtocol
    public var externalPort: Port
    public var internalIP: IPAddress
    public var internalPort: Port

    enum CodingKeys: String, CodingKey {
        case eip, router, `protocol`
        case externalPort = "external_port"
        case internalIP = "internal_ip"
        case internalPort = "internal_port"
    }

    public init(eip: ResourceReference, router: String, protocol: TransportProtocol, externalPort: Port, internalIP: IPAddress, internalPort: Port) {
        self.eip = eip
        self.router = router
        self.protocol = `protocol`
        self.externalPort = externalPort
        self.internalIP = internalIP
        self.internalPort = internalPort
    }

    public func validate() -> [FieldError] {
        var report = ValidationReport()
        if router.isEmpty { report.add("router", .required, "names the NB logical router") }
        return report.errors
    }
}
