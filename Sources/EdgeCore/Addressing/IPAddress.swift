/// An address of either family, for fields that take both (FIP internal IP, DNAT target, mirror sink).
public enum IPAddress: Hashable, Sendable, LosslessStringConvertible, Codable {
    case v4(IPv4Address)
    case v6(IPv6Address)

    public init?(_ text: String) {
        if let v4 = IPv4Address(text) { self = .v4(v4) } else if let v6 = IPv6Address(text) { self = .v6(v6) } else { return nil }
    }

    public var family: IPFamily {
        switch self {
        case .v4: .v4
        case .v6: .v6
        }
    }

    public var description: String {
        switch self {
        case .v4(let address): address.description
        case .v6(let address): address.description
        }
    }

    public init(from decoder: any Decoder) throws { self = try decodeFromText(decoder) }
    public func encode(to encoder: any Encoder) throws { try encodeAsText(self, encoder) }
}
