/// The two IP families an external network can carry.
public enum IPFamily: String, Sendable, Hashable, Codable, CaseIterable {
    case v4 = "ipv4"
    case v6 = "ipv6"
}
