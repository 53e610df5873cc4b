import Foundation

extension UUID {
    /// `uuidString.lowercased()` — how ids are stored and printed — written digit by digit:
    /// Foundation formats `uuidString` with `sprintf` and lower-casing allocates a second string,
    /// and a created object prints its ids several times (row, change log, binding log, reply).
    public var lowercaseText: String { hexText("0123456789abcdef") }

    /// `uuidString` (upper case, as `Codable` writes a `UUID`), without `sprintf`.
    public var uppercaseText: String { hexText("0123456789ABCDEF") }

    /// `UUID(uuidString:)` without `sscanf` (the store parses every id it reads): 8-4-4-4-12 hex
    /// digits of either case. Other 36-character texts are left to Foundation, so what it
    /// accepts is accepted the same; anything else is no UUID, as for Foundation.
    public init?(text: String) {
        guard text.utf8.count == 36 else { return nil }
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = withUnsafeMutableBytes(of: &bytes) { out in
            var utf8 = text.utf8.makeIterator()
            for index in 0..<16 {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    guard utf8.next() == UInt8(ascii: "-") else { return false }
                }
                guard let high = utf8.next().flatMap(Self.hexValue), let low = utf8.next().flatMap(Self.hexValue) else { return false }
                out[index] = high << 4 | low
            }
            return true
        }
        if parsed {
            self.init(uuid: bytes)
        } else {
            guard let id = UUID(uuidString: text) else { return nil }
            self = id
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private func hexText(_ digits: StaticString) -> String {
        withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                digits.withUTF8Buffer { hex in
                    var index = 0
                    for (position, byte) in bytes.enumerated() {
                        if position == 4 || position == 6 || position == 8 || position == 10 {
                            out[index] = UInt8(ascii: "-")
                            index += 1
                        }
                        out[index] = hex[Int(byte >> 4)]
                        out[index + 1] = hex[Int(byte & 0x0F)]
                        index += 2
                    }
                }
                return 36
            }
        }
    }
}
