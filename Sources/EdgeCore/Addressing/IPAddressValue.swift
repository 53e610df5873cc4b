/// What CIDRs, ranges, interval sets and pools need from an address family: order, neighbours and
/// prefix arithmetic. `IPv4Address` and `IPv6Address` conform.
public protocol IPAddressValue: Hashable, Comparable, Sendable, LosslessStringConvertible, Codable {
    static var family: IPFamily { get }
    static var bitWidth: Int { get }
    /// The first and last address of the `prefixLength` prefix containing this address.
    func prefixBounds(_ prefixLength: Int) -> (first: Self, last: Self)
    /// The next address, nil at the top of the address space.
    var successor: Self? { get }
    /// The previous address, nil at the bottom of the address space.
    var predecessor: Self? { get }
    /// How many addresses lie in `self...last` (0 when `last < self`), saturating at `UInt64.max`.
    func count(through last: Self) -> UInt64
}
