/// Makes UUID-shaped request ids from a per-shard SplitMix64 stream seeded from the system RNG:
/// unique enough to correlate logs, without a getrandom call per request.
struct RequestIDGenerator {
    private var state: UInt64
    private static let hex = Array("0123456789abcdef".utf8)

    init() {
        var system = SystemRandomNumberGenerator()
        state = system.next()
    }

    mutating func next() -> String {
        let high = nextWord() & 0xFFFF_FFFF_FFFF_0FFF | 0x0000_0000_0000_4000
        let low = nextWord() & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
        var out = [UInt8]()
        out.reserveCapacity(36)
        for (index, word) in [high, low].enumerated() {
            for nibble in stride(from: 60, through: 0, by: -4) {
                let position = index * 16 + (15 - nibble / 4)
                if position == 8 || position == 12 || position == 16 || position == 20 { out.append(UInt8(ascii: "-")) }
                out.append(Self.hex[Int((word >> UInt64(nibble)) & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func nextWord() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A client-supplied id is kept when it is short and plain (it ends up in logs and headers).
    static func isAcceptable(_ id: String) -> Bool {
        let bytes = id.utf8
        return !bytes.isEmpty && bytes.count <= 128 && bytes.allSatisfy { byte in
            ASCII.isTChar(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
        }
    }
}
