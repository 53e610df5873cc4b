/// A network prefix ("192.0.2.0/24", "2001:db8::/64"). Host bits must be zero, so each network
/// has exactly one spelling.
public struct CIDR<Address: IPAddressValue>: Hashable, Sendable, LosslessStringConvertible, Codable {
    public let address: Address
    public let prefixLength: Int

    /// Nil when the prefix length is out of range or host bits are set.
    public init?(address: Address, prefixLength: Int) {
        guard (0...Address.bitWidth).contains(prefixLength),
              address.prefixBounds(prefixLength).first == address else { return nil }
        self.address = address
        self.prefixLength = prefixLength
    }

    /// "a/len"; with `allowingBareAddress`, "a" alone means a single-address prefix.
    public init?(_ text: String, allowingBareAddress: Bool) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard let address = Address(String(parts[0])) else { return nil }
        switch parts.count {
        case 1 where allowingBareAddress:
            self.init(address: address, prefixLength: Address.bitWidth)
        case 2:
            guard (1...3).contains(parts[1].count), parts[1].allSatisfy(\.isASCIIDigit),
                  let length = Int(parts[1]) else { return nil }
            self.init(address: address, prefixLength: length)
        default:
            return nil
        }
    }

    public init?(_ text: String) { self.init(text, allowingBareAddress: false) }

    public var description: String { "\(address)/\(prefixLength)" }

    public var first: Address { address }
    public var last: Address { address.prefixBounds(prefixLength).last }
    public var range: AddressRange<Address> { AddressRange(uncheckedLower: first, upper: last) }

    public func contains(_ candidate: Address) -> Bool { first <= candidate && candidate <= last }

    public func contains(_ other: AddressRange<Address>) -> Bool { contains(other.lower) && contains(other.upper) }

    public init(from decoder: any Decoder) throws { self = try decodeFromText(decoder) }
    public func encode(to encoder: any Encoder) throws { try encodeAsText(self, encoder) }
}

public typealias IPv4CIDR = CIDR<IPv4Address>
public typealias IPv6CIDR = CIDR<IPv6Address>
