/// An Ethernet MAC address ("0a:1b:2c:3d:4e:5f"), printed lower-case with colons.
public struct MACAddress: Hashable, Sendable, LosslessStringConvertible, Codable {
    /// The 48 address bits in the low bits.
    public let value: UInt64

    public init?(value: UInt64) {
        guard value >> 48 == 0 else { return nil }
        self.value = value
    }

    /// Accepts ':' or '-' separators, either case.
    public init?(_ text: String) {
        let parts = text.split(separator: text.contains("-") ? "-" : ":", omittingEmptySubsequences: false)
        guard parts.count == 6 else { return nil }
        var value: UInt64 = 0
        for part in parts {
            guard part.count == 2, part.allSatisfy(\.isASCIIHexDigit), let octet = UInt64(part, radix: 16) else { return nil }
            value = value << 8 | octet
        }
        self.value = value
    }

    public var octets: [UInt8] { (0..<6).map { UInt8(truncatingIfNeeded: value >> UInt64(40 - 8 * $0)) } }

    public var description: String {
        octets.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: ":")
    }

    /// Bit 0 of the first octet: set for group (multicast/broadcast) addresses.
    public var isUnicast: Bool { (value >> 40) & 0x01 == 0 }
    /// Bit 1 of the first octet: set for addresses not assigned by a vendor (IEEE 802).
    public var isLocallyAdministered: Bool { (value >> 40) & 0x02 != 0 }

    /// A random locally administered unicast address.
    public static func randomLocallyAdministered<G: RandomNumberGenerator>(using generator: inout G) -> MACAddress {
        let random = generator.next() & 0xffff_ffff_ffff
        let firstOctet = ((random >> 40) | 0x02) & 0xfe
        return MACAddress(value: (random & 0xff_ffff_ffff) | firstOctet << 40)!
    }

    public init(from decoder: any Decoder) throws { self = try decodeFromText(decoder) }
    public func encode(to encoder: any Encoder) throws { try encodeAsText(self, encoder) }
}
