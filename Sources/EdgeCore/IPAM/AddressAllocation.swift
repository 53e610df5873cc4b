/// The addresses one EIP holds on its network.
public struct AddressAllocation: Hashable, Sendable, Codable {
    public var ipV4: IPv4Address?
    public var ipV6: IPv6Address?
    public var mac: MACAddress

    public init(ipV4: IPv4Address?, ipV6: IPv6Address?, mac: MACAddress) {
        self.ipV4 = ipV4
        self.ipV6 = ipV6
        self.mac = mac
    }
}
