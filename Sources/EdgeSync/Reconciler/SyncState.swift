import Foundation

/// A snapshot of the reconciler for `/readyz` and `GET /v1/sync`.
public struct SyncState: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Hashable, Codable {
        /// Not connected to NB yet (or not running).
        case starting
        /// Connected, waiting for the writer lock another ovn-edge holds.
        case standby
        /// Holds the writer lock and reconciles.
        case active
    }

    public var role: Role = .starting
    public var nbConnected = false
    /// The NB server connected to (`unix:…`, `tcp:…`).
    public var remote: String?
    /// All configured remotes.
    public var remotes: [String] = []
    public var lockName: String
    /// This deployment's id (`Store.deploymentID()`), stamped on every NB row it writes.
    public var deployment: String?
    public var holdsWriterLock = false
    /// NB schema version, e.g. "7.0.0".
    public var schemaVersion: String?
    /// `standalone`, `clustered` or `relay`.
    public var databaseModel: String?
    /// For clustered NB: whether the connected server is the leader.
    public var leader: Bool?
    /// Objects not `ready` (pending, error, deleting) after the last pass.
    public var pending = 0
    /// Objects in `error` after the last pass.
    public var errors = 0
    public var firstFullSyncCompleted = false
    public var lastSyncAt: Date?
    public var lastFullSyncAt: Date?
    public var lastError: String?
    public var lastErrorAt: Date?
    /// NB transactions sent since start.
    public var transactions = 0

    public init(lockName: String) {
        self.lockName = lockName
    }

    /// `/readyz`: connected, writing, and NB caught up with the store at least once.
    public var isReady: Bool { nbConnected && holdsWriterLock && firstFullSyncCompleted }

    enum CodingKeys: String, CodingKey {
        case role, remote, remotes, pending, errors, transactions, leader, deployment
        case nbConnected = "nb_connected"
        case lockName = "lock_name"
        case holdsWriterLock = "holds_writer_lock"
        case schemaVersion = "schema_version"
        case databaseModel = "database_model"
        case firstFullSyncCompleted = "first_full_sync_completed"
        case lastSyncAt = "last_sync_at"
        case lastFullSyncAt = "last_full_sync_at"
        case lastError = "last_error"
        case lastErrorAt = "last_error_at"
    }
}
