/// What a change-log row records.
public enum ChangeAction: String, Hashable, Sendable, Codable, CaseIterable {
    case create
    case update
    /// Deletion requested: the object is `deleting` until the reconciler removed its OVN rows.
    case delete
    /// The object is gone (after `delete`, once the reconciler finished).
    case purge
    /// An EIP took its addresses (its creation).
    case allocate
    /// An EIP gave its addresses back (its deletion).
    case release
    /// A rule or gateway started using an EIP (logged on the EIP).
    case bind
    /// A rule or gateway stopped using an EIP (logged on the EIP).
    case unbind
    /// The reconciler moved the object to another phase.
    case status
}
