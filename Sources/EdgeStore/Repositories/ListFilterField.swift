/// List filters that map to a column of some kinds only.
enum ListFilterField: String, Hashable, Sendable {
    case network, eip, router, ip, node, usage
    case usedBy = "used_by"
}
