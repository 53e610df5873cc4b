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
}
