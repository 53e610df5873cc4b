/// A public address (one per family the network has) and its MAC, held from an external network.
/// Addresses and MAC given at creation are requested; missing ones are allocated. Once stored,
/// all are filled in and cannot change. `usage` (default `nat`) may change only while nothing
/// uses the EIP; a gateway given a free `nat` EIP switches it to its own usage.
public struct EIPSpec: ResourceSpec {
    public static let kind = ResourceKind.eip

    public var network: ResourceReference
    public var ipV4: IPv4Address?
    public var ipV6: IPv6Address?
    public var mac: MACAddress?
    public var usage: EIPUsage

    enum CodingKeys: String, CodingKey {
        case network
        case ipV4 = "ip_v4"
        case ipV6 = "ip_v6"
        case mac
        case usage
    }

    public init(network: ResourceReference, ipV4: IPv4Address? = nil, ipV6: IPv6Address? = nil, mac: MACAddress? = nil, usage: EIPUsage = .nat) {
        self.network = network
        self.ipV4 = ipV4
        self.ipV6 = ipV6
        self.mac = mac
        self.usage = usage
    }

    /// Snapshots written before EIPs had a usage decode as `nat`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        network = try container.decode(ResourceReference.self, forKey: .network)
        ipV4 = try container.decodeIfPresent(IPv4Address.self, forKey: .ipV4)
        ipV6 = try container.decodeIfPresent(IPv6Address.self, forKey: .ipV6)
        mac = try container.decodeIfPresent(MACAddress.self, forKey: .mac)
        usage = try container.decodeIfPresent(EIPUsage.self, forKey: .usage) ?? .nat
    }

    public func validate() -> [FieldError] {
        var report = ValidationReport()
        if let mac, !mac.isUnicast { report.add("mac", .invalidMAC, "\(mac) is a multicast address") }
        return report.errors
    }

    public var allocation: AddressAllocation? {
        mac.map { AddressAllocation(ipV4: ipV4, ipV6: ipV6, mac: $0) }
    }
}
