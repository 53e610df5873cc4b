import EdgeAPI
import EdgeSync
import Foundation

/// `/readyz` and `/v1/sync` read the reconciler through EdgeAPI's protocol.
extension SyncService: SyncStateProvider {
    func syncState() async -> EdgeAPI.SyncState {
        let state = reconciler.state
        var lastError = state.lastError
        if state.role == .standby { lastError = lastError ?? "standby: another ovn-edge holds the writer lock \(state.lockName)" }
        return EdgeAPI.SyncState(reconcilerRunning: true, nbConnected: state.nbConnected, nbRemote: state.remote,
                                 caughtUp: state.isReady, lastSyncAt: state.lastSyncAt, lastError: lastError,
                                 writerLock: state.lockName)
    }
}
