/// Which direction a mirror copies. `both` becomes two NB rows on schemas without it.
public enum MirrorFilter: String, Hashable, Sendable, Codable, CaseIterable {
    case fromLport = "from-lport"
    case toLport = "to-lport"
    case both
}
