/// Centralized NAT runs on the gateway chassis; distributed NAT runs on the chassis hosting the
/// logical port (OVN `logical_port` + `external_mac`).
public enum DistributionMode: String, Hashable, Sendable, Codable, CaseIterable {
    case centralized
    case distributed
}
