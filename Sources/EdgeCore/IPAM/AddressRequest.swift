/// What an EIP asks its network for: a specific address per family, or the next free one.
/// Every family the network has is allocated; a family given here that the network lacks is an
/// error (`family-mismatch`).
public struct AddressRequest: Hashable, Sendable {
    public var ipV4: IPv4Address?
    public var ipV6: IPv6Address?
    public var mac: MACAddress?

    public init(ipV4: IPv4Address? = nil, ipV6: IPv6Address? = nil, mac: MACAddress? = nil) {
        self.ipV4 = ipV4
        self.ipV6 = ipV6
        self.mac = mac
    }
}
