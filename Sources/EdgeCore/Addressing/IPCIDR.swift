/// A prefix of either family (SNAT `internal_cidr`). A bare address means /32 or /128.
public enum IPCIDR: Hashable, Sendable, LosslessStringConvertible, Codable {
    case v4(IPv4CIDR)
    case v6(IPv6CIDR)

    public init?(_ text: String) {
        if let v4 = IPv4CIDR(text, allowingBareAddress: true) {
            self = .v4(v4)
        } else if let v6 = IPv6CIDR(text, allowingBareAddress: true) {
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
        case .v4(let cidr): cidr.description
        case .v6(let cidr): cidr.description
        }
    }

    public init(from decoder: any Decoder) throws { self = try decodeFromText(decoder) }
    public func encode(to encoder: any Encoder) throws { try encodeAsText(self, encoder) }
}
