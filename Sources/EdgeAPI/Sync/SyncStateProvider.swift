/// Where the API learns the reconciler's state. EdgeAPI does not know EdgeSync: the executable
/// adapts the reconciler to this protocol.
public protocol SyncStateProvider: Sendable {
    func syncState() async -> SyncState
}
