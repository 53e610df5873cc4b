/// An external (provider) network EIPs are allocated from: its CIDRs, gateways, excluded
/// addresses and the chassis that host its gateway ports.
public struct ExternalNetworkSpec: ResourceSpec {
    public static let kind = ResourceKind.externalNetwork
    public static let requiresName = true

    /// An existing NB Logical_Switch to attach to; nil = ovn-edge creates and owns one.
    public var logicalSwitch: String?
    public var cidrV4: IPv4CIDR?
    public var gatewayV4: IPv4Address?
    public var cidrV6: IPv6CIDR?
    public var gatewayV6: IPv6Address?
    public var exclude: [IPRange]
    public var gatewayChassis: [String]
    public var mode: DistributionMode
    /// `network_name` of a localnet port, when the switch should get one.
    public var localnetNetwork: String?

    enum CodingKeys: String, CodingKey {
        case logicalSwitch = "logical_switch"
        case cidrV4 = "cidr_v4"
        case gatewayV4 = "gateway_v4"
        case cidrV6 = "cidr_v6"
        case gatewayV6 = "gateway_v6"
        case exclude
        case gatewayChassis = "gateway_chassis"
        case mode
        case localnetNetwork = "localnet_network"
    }

    public init(
        logicalSwitch: String? = nil, cidrV4: IPv4CIDR? = nil, gatewayV4: IPv4Address? = nil,
        cidrV6: IPv6CIDR? = nil, gatewayV6: IPv6Address? = nil, exclude: [IPRange] = [],
        gatewayChassis: [String] = [], mode: DistributionMode = .centralized, localnetNetwork: String? = nil
    ) {
        self.logicalSwitch = logicalSwitch
        self.cidrV4 = cidrV4
        self.gatewayV4 = gatewayV4
        self.cidrV6 = cidrV6
        self.gatewayV6 = gatewayV6
        self.exclude = exclude
        self.gatewayChassis = gatewayChassis
        self.mode = mode
        self.localnetNetwork = localnetNetwork
    }

    public func validate() -> [FieldError] {
        var report = ValidationReport()
        if cidrV4 == nil && cidrV6 == nil {
            report.add("cidr_v4", .required, "an external network needs cidr_v4, cidr_v6 or both")
        }
        check(gateway: gatewayV4, in: cidrV4, field: "gateway_v4", report: &report)
        check(gateway: gatewayV6, in: cidrV6, field: "gateway_v6", report: &report)
        for (index, entry) in exclude.enumerated() {
            let field = "exclude[\(index)]"
            switch entry {
            case .v4(let range): check(range, in: cidrV4, field: field, report: &report)
            case .v6(let range): check(range, in: cidrV6, field: field, report: &report)
            }
        }
        if let logicalSwitch, logicalSwitch.isEmpty {
            report.add("logical_switch", .invalidValue, "must not be empty")
        }
        if let localnetNetwork, localnetNetwork.isEmpty {
            report.add("localnet_network", .invalidValue, "must not be empty")
        }
        checkChassis(gatewayChassis, field: "gateway_chassis", report: &report)
        return report.errors
    }

    private func check<A: IPAddressValue>(gateway: A?, in cidr: CIDR<A>?, field: String, report: inout ValidationReport) {
        guard let gateway else { return }
        guard let cidr else {
            report.add(field, .familyMismatch, "the network has no \(A.family.rawValue) CIDR")
            return
        }
        if !cidr.contains(gateway) {
            report.add(field, .addressOutsideNetwork, "\(gateway) is not inside \(cidr)")
        } else if let reserved = AddressPool<A>.reservedAddresses(of: cidr).first(where: { $0.address == gateway }) {
            report.add(field, .addressReserved, "\(gateway) is the \(reserved.reason.rawValue) of \(cidr)")
        }
    }

    private func check<A: IPAddressValue>(_ range: AddressRange<A>, in cidr: CIDR<A>?, field: String, report: inout ValidationReport) {
        guard let cidr else {
            report.add(field, .familyMismatch, "the network has no \(A.family.rawValue) CIDR")
            return
        }
        if !cidr.contains(range) { report.add(field, .addressOutsideNetwork, "\(range) is not inside \(cidr)") }
    }
}

/// Gateway chassis lists: non-empty names, no duplicates (the order gives the priorities).
func checkChassis(_ chassis: [String], field: String, report: inout ValidationReport) {
    var seen: Set<String> = []
    for (index, name) in chassis.enumerated() {
        if name.isEmpty { report.add("\(field)[\(index)]", .invalidValue, "must not be empty") }
        if !seen.insert(name).inserted { report.add("\(field)[\(index)]", .duplicate, "\(name) is listed twice") }
    }
}
