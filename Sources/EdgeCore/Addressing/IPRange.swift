/// An `exclude` entry of an external network: a single address or "a..b", either family.
public enum IPRange: Hashable, Sendable, LosslessStringConvertible, Codable {
    case v4(AddressRange<IPv4Address>)
    case v6(AddressRange<IPv6Address>)

    public init?(_ text: String) {
        if let v4 = AddressRange<IPv4Address>(text) {
            self = .v4(v4)
        } else if let v6 = AddressRange<IPv6Address>(text) {
            self = .v6(v6)
        } else {
            return nil
        }
    }

    public var family: IPFamily {
        switch self {
        case .v4: .v4
        case .v6: .v6
        }
    }

    public var description: String {
        switch self {
        case .v4(let range): range.description
        case .v6(let range): range.description
        }
    }

    public init(from decoder: any Decoder) throws { self = try decodeFromText(decoder) }
    public func encode(to encoder: any Encoder) throws { try encodeAsText(self, encoder) }
}
