/// An IPv6 address as two 64-bit halves. Parses every RFC 4291 text form (with "::" and an
/// embedded dotted quad) and prints the RFC 5952 canonical form, so equal addresses compare
/// equal as text too (the store relies on that).
public struct IPv6Address: IPAddressValue {
    public static let family = IPFamily.v6
    public static let bitWidth = 128

    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public init?(_ text: String) {
        guard let groups = IPv6Address.parseGroups(text) else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        for (index, group) in groups.enumerated() {
            if index < 4 { high = high << 16 | UInt64(group) } else { low = low << 16 | UInt64(group) }
        }
        self.init(high: high, low: low)
    }

    /// The eight 16-bit groups, most significant first.
    public var groups: [UInt16] {
        (0..<8).map { index in
            let half = index < 4 ? high : low
            return UInt16(truncatingIfNeeded: half >> UInt64(48 - 16 * (index % 4)))
        }
    }

    public var description: String {
        let groups = self.groups
        // Longest run of at least two zero groups, the first one on a tie (RFC 5952 §4.2).
        var best: Range<Int>? = nil
        var index = 0
        while index < 8 {
            guard groups[index] == 0 else { index += 1; continue }
            var end = index
            while end < 8 && groups[end] == 0 { end += 1 }
            if end - index >= 2 && end - index > (best?.count ?? 0) { best = index..<end }
            index = end
        }
        let hex = groups.map { String($0, radix: 16) }
        guard let run = best else { return hex.joined(separator: ":") }
        return hex[..<run.lowerBound].joined(separator: ":") + "::" + hex[run.upperBound...].joined(separator: ":")
    }

    public func prefixBounds(_ prefixLength: Int) -> (first: IPv6Address, last: IPv6Address) {
        let highMask = Self.hostMask(prefixLength)
        let lowMask = Self.hostMask(prefixLength - 64)
        return (IPv6Address(high: high & ~highMask, low: low & ~lowMask),
                IPv6Address(high: high | highMask, low: low | lowMask))
    }

    public var successor: IPv6Address? {
        if low != .max { return IPv6Address(high: high, low: low + 1) }
        return high == .max ? nil : IPv6Address(high: high + 1, low: 0)
    }

    public var predecessor: IPv6Address? {
        if low != 0 { return IPv6Address(high: high, low: low - 1) }
        return high == 0 ? nil : IPv6Address(high: high - 1, low: .max)
    }

    public func count(through last: IPv6Address) -> UInt64 {
        guard self <= last else { return 0 }
        let highDifference = last.high - high
        if highDifference > 1 { return .max }
        // (last - self) fits in 64 bits only when the halves borrow exactly once or not at all.
        let (lowDifference, borrow) = last.low.subtractingReportingOverflow(low)
        if highDifference == 1 && !borrow { return .max }
        if highDifference == 0 && borrow { return 0 }
        return lowDifference == .max ? .max : lowDifference + 1
    }

    public static func < (lhs: IPv6Address, rhs: IPv6Address) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    /// Host bits of one 64-bit half for a prefix length counted from that half's top bit.
    private static func hostMask(_ prefixLength: Int) -> UInt64 {
        if prefixLength <= 0 { return .max }
        if prefixLength >= 64 { return 0 }
        return .max >> UInt64(prefixLength)
    }

    private static func parseGroups(_ text: String) -> [UInt16]? {
        guard !text.isEmpty, text.count <= 45 else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        guard let head = parsePart(halves[0], allowTrailingIPv4: halves.count == 1) else { return nil }
        if halves.count == 1 { return head.count == 8 ? head : nil }
        guard let tail = parsePart(halves[1], allowTrailingIPv4: true) else { return nil }
        // "::" stands for at least one zero group.
        guard head.count + tail.count <= 7 else { return nil }
        return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    }

    /// Colon-separated hex groups, the last of which may be a dotted quad (two groups).
    private static func parsePart(_ part: String, allowTrailingIPv4: Bool) -> [UInt16]? {
        if part.isEmpty { return [] }
        let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
        var groups: [UInt16] = []
        for (index, piece) in pieces.enumerated() {
            if index == pieces.count - 1, allowTrailingIPv4, piece.contains(".") {
                guard let v4 = IPv4Address(String(piece)) else { return nil }
                groups.append(UInt16(v4.value >> 16))
                groups.append(UInt16(v4.value & 0xffff))
                continue
            }
            guard (1...4).contains(piece.count), piece.allSatisfy(\.isASCIIHexDigit),
                  let group = UInt16(piece, radix: 16) else { return nil }
            groups.append(group)
        }
        return groups
    }
}
