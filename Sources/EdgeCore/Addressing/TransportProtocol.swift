/// The L4 protocols a DNAT rule (OVN Load_Balancer `protocol`) accepts; always lower case.
public enum TransportProtocol: String, Hashable, Sendable, Codable, CaseIterable {
    case tcp, udp, sctp
}
