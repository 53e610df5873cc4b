import Foundation

/// What the reconciler reports about itself for `/v1/sync` and `/readyz`.
public struct SyncState: Sendable, Equatable {
    /// False when no reconciler runs in this process (then nothing reaches NB).
    public var reconcilerRunning: Bool
    public var nbConnected: Bool
    /// The NB remote in use (`unix:…`, `tcp:…`).
    public var nbRemote: String?
    /// The first full sync since start is done.
    public var caughtUp: Bool
    public var lastSyncAt: Date?
    public var lastError: String?
    /// The OVSDB lock the reconciler writes under (one per deployment).
    public var writerLock: String?

    public init(reconcilerRunning: Bool, nbConnected: Bool, nbRemote: String? = nil, caughtUp: Bool,
                lastSyncAt: Date? = nil, lastError: String? = nil, writerLock: String? = nil) {
        self.reconcilerRunning = reconcilerRunning
        self.nbConnected = nbConnected
        self.nbRemote = nbRemote
        self.caughtUp = caughtUp
        self.lastSyncAt = lastSyncAt
        self.lastError = lastError
        self.writerLock = writerLock
    }
}
