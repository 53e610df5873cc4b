/// Why an address cannot be handed out. `code` is stable for API clients.
public enum IPAMError: Error, Hashable, Sendable {
    /// The requested address is not in the network's CIDR.
    case outsideNetwork(address: String, cidr: String)
    /// The requested address is the network, broadcast or gateway address.
    case reserved(address: String, reason: ReservedReason)
    /// The requested address is in one of the network's `exclude` entries.
    case excluded(address: String)
    /// Someone already holds the requested address (or MAC).
    case inUse(address: String)
    /// No free address is left in this family.
    case exhausted(family: IPFamily)
    /// The network has no CIDR of this family.
    case familyNotConfigured(family: IPFamily)

    public enum ReservedReason: String, Hashable, Sendable {
        case networkAddress = "network-address"
        case broadcastAddress = "broadcast-address"
        case subnetRouterAnycast = "subnet-router-anycast"
        case gateway
    }

    public var code: String {
        switch self {
        case .outsideNetwork: "address-outside-network"
        case .reserved: "address-reserved"
        case .excluded: "address-excluded"
        case .inUse: "ip-in-use"
        case .exhausted: "pool-exhausted"
        case .familyNotConfigured: "family-mismatch"
        }
    }

    public var message: String {
        switch self {
        case .outsideNetwork(let address, let cidr): "\(address) is not inside \(cidr)"
        case .reserved(let address, let reason): "\(address) is reserved (\(reason.rawValue))"
        case .excluded(let address): "\(address) is in the network's exclude list"
        case .inUse(let address): "\(address) is already allocated"
        case .exhausted(let family): "no free \(family.rawValue) address left in the network"
        case .familyNotConfigured(let family): "the network has no \(family.rawValue) CIDR"
        }
    }
}
