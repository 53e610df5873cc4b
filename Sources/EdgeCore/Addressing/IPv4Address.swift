/// An IPv4 address, written in dotted-quad form ("192.0.2.1"; no leading zeros).
public struct IPv4Address: IPAddressValue {
    public static let family = IPFamily.v4
    public static let bitWidth = 32

    public let value: UInt32

    public init(_ value: UInt32) { self.value = value }

    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCIIDigit),
                  part.count == 1 || part.first != "0",
                  let octet = UInt32(part), octet <= 255 else { return nil }
            value = value << 8 | octet
        }
        self.value = value
    }

    public var description: String {
        "\(value >> 24).\(value >> 16 & 0xff).\(value >> 8 & 0xff).\(value & 0xff)"
    }

    public func prefixBounds(_ prefixLength: Int) -> (first: IPv4Address, last: IPv4Address) {
        let hostMask: UInt32 = prefixLength >= 32 ? 0 : (prefixLength <= 0 ? .max : .max >> UInt32(prefixLength))
        return (IPv4Address(value & ~hostMask), IPv4Address(value | hostMask))
    }

    public var successor: IPv4Address? { value == .max ? nil : IPv4Address(value + 1) }
    public var predecessor: IPv4Address? { value == 0 ? nil : IPv4Address(value - 1) }

    public func count(through last: IPv4Address) -> UInt64 {
        last.value < value ? 0 : UInt64(last.value - value) + 1
    }

    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isASCIIHexDigit: Bool { isASCIIDigit || ("a"..."f").contains(self) || ("A"..."F").contains(self) }
}
