/// The provider when no reconciler runs: never ready, never connected.
public struct NoReconciler: SyncStateProvider {
    public init() {}

    public func syncState() async -> SyncState {
        SyncState(reconcilerRunning: false, nbConnected: false, caughtUp: false, lastError: "no reconciler is running")
    }
}
