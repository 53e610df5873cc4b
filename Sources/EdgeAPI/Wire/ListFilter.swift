/// Query filters some kinds have besides project, phase and labels.
enum ListFilter: String, Sendable, CaseIterable {
    /// External network (id or name).
    case network
    /// EIP (id or name).
    case eip
    /// NB logical router name.
    case router
    /// An address the object holds.
    case ip
    /// Node gateways: the node.
    case node
    /// EIPs: `nat`, `router-gateway` or `node-gateway`.
    case usage
    /// EIPs: `none`, `any` or the kind of a user (`fip`, `node-gateway`, …).
    case usedBy = "used_by"
}
