import Foundation

/// What NB rows take from an EIP: its network, addresses and MAC. None of them changes once
/// the EIP exists (an update cannot touch them) and ids are never reused, so a copy never goes
/// stale; the reconciler reads these columns instead of decoding whole EIPs.
public struct EIPAddressing: Hashable, Sendable {
    public let id: UUID
    public let network: UUID
    public let ipV4: IPv4Address?
    public let ipV6: IPv6Address?
    public let mac: MACAddress

    public init(id: UUID, network: UUID, ipV4: IPv4Address?, ipV6: IPv6Address?, mac: MACAddress) {
        self.id = id
        self.network = network
        self.ipV4 = ipV4
        self.ipV6 = ipV6
        self.mac = mac
    }

    /// Nil for an EIP not allocated yet (no network id or MAC: only a create's input).
    public init?(_ eip: EIP) {
        guard let network = eip.spec.network.id, let mac = eip.spec.mac else { return nil }
        self.init(id: eip.id, network: network, ipV4: eip.spec.ipV4, ipV6: eip.spec.ipV6, mac: mac)
    }
}
