/// An IPv4 address, written in dotted-quad form ("192.0.2.1"; no leading zeros).
public struct IPv4Address: IPAddressValue {
    public static let family = IPFamily.v4
    public static let bitWidth = 32

    public let value: UInt32

    public init(_ value: UInt32) { self.value = value }

    /// Dotted quad, each octet 0–255 without leading zeros. One pass over the bytes: the store
    /// and the reconciler parse tens of thousands per pass (splitting into substrings was a
    /// sixth of loading them).
    public init?(_ text: String) {
        var value: UInt32 = 0
        var octet: UInt32 = 0
        var digits = 0
        var dots = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if digits == 1 && octet == 0 { return nil } // a leading zero
                octet = octet * 10 + UInt32(byte - UInt8(ascii: "0"))
                digits += 1
                guard digits <= 3, octet <= 255 else { return nil }
            case UInt8(ascii: "."):
                guard digits > 0, dots < 3 else { return nil }
                value = value << 8 | octet
                (octet, digits, dots) = (0, 0, dots + 1)
            default:
                return nil
            }
        }
        guard dots == 3, digits > 0 else { return nil }
        self.value = value << 8 | octet
    }

    public var description: String {
        String(unsafeUninitializedCapacity: 15) { out in
            var o = 0
            for shift in stride(from: 24, through: 0, by: -8) {
                if shift != 24 {
                    out[o] = UInt8(ascii: ".")
                    o += 1
                }
                let octet = UInt8(truncatingIfNeeded: value >> UInt32(shift))
                if octet >= 100 { out[o] = UInt8(ascii: "0") + octet / 100; o += 1 }
                if octet >= 10 { out[o] = UInt8(ascii: "0") + octet / 10 % 10; o += 1 }
                out[o] = UInt8(ascii: "0") + octet % 10
                o += 1
            }
            return o
        }
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
