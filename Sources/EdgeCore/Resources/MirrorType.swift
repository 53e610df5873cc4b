/// Tunnel type of an OVN mirror (NB `Mirror.type`).
public enum MirrorType: String, Hashable, Sendable, Codable, CaseIterable {
    case gre
    case erspan
}
