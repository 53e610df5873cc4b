import EdgeCore
import EdgeStore
import Foundation
import Logging
import OVSDB

/// The background worker that makes OVN NB match the store.
///
/// ```swift
/// let reconciler = Reconciler(store: store, signals: signals, nbRemotes: "unix:/run/ovn/ovnnb_db.sock")
/// let task = Task { try await reconciler.run() }   // until cancelled
/// reconciler.state.isReady                          // /readyz
/// ```
///
/// It connects to NB, asks for the writer lock (`lockName`: its deployment's, unless the options
/// name one) and stays standby until it holds it. Then it runs passes: a full pass (every
/// stored object, orphans of this deployment included) at start, after a connection or lock event and every `fullResyncInterval`; an incremental pass (only
/// objects not `ready`) whenever the API signals a desired-state write; a drift pass (those plus
/// the objects `DriftImpact` finds concerned, and orphans among them) after NB changed under it.
/// Planning works on an `NBView` kept across passes and updated from the monitor's changes
/// (`ViewTracker`, `ChangeFeed`), so a pass costs O(its objects' rows), not O(NB).
/// A pass plans its objects against that view (`Planner`) a chunk at a time while the first
/// are written, packs the ops into bounded transactions (`PlannedBatches`), writes them
/// (`BatchWriter`, isolating failing objects) and writes statuses back (`StatusReporter`).
public final class Reconciler: Sendable {
    public let options: ReconcilerOptions
    let store: Store
    let signals: StoreSignals
    let nbRemotes: String
    let logger: Logger
    /// Which NB rows are this deployment's, from the store's deployment id; a failure (a store
    /// not migrated) is thrown by `run`.
    let ownership: Result<OwnershipScope, any Error>
    /// The OVSDB writer lock this reconciler takes.
    let lockName: String
    let stateBox: Guarded<SyncState>
    /// Open while our own transaction is in flight, to tell its monitor update from drift.
    let writing = Guarded(WriteWindow())
    let wake = WakeSignal()
    /// Monitor updates for the loop's kept NB view (appended on the NB I/O thread).
    let feed = Guarded(ChangeFeed())
    /// `options.auditKeptView`: how often the kept view was compared with a fresh one, and differed.
    let viewAudit = Guarded(ViewAudit())
    /// For metrics: the NB client while `run` is running, and transaction timings.
    let clientBox = Guarded<OVSDBClient?>(nil)
    let transactionBox = Guarded(TransactionStatistics())

    public init(store: Store, signals: StoreSignals, nbRemotes: String, options: ReconcilerOptions = ReconcilerOptions(),
                logger: Logger = Logger(label: "ovn-edge.sync")) {
        self.store = store
        self.signals = signals
        self.nbRemotes = nbRemotes
        self.options = options
        self.logger = logger
        let ownership = Result { OwnershipScope(deployment: try store.deploymentID(), adoptLegacyRows: options.adoptLegacyRows) }
        self.ownership = ownership
        lockName = options.lockName ?? (try? ownership.get())?.lockName ?? OwnershipScope.unscoped.lockName
        var state = SyncState(lockName: lockName)
        state.deployment = (try? ownership.get())?.deployment
        state.remotes = nbRemotes.split(separator: ",").map(String.init)
        self.stateBox = Guarded(state)
    }

    /// What the reconciler is doing now.
    public var state: SyncState { stateBox.get() }

    /// Runs until the task is cancelled. Throws only for a configuration error (bad remotes).
    public func run() async throws {
        let ownership = try self.ownership.get()
        logger.info("deployment \(ownership.deployment ?? "-"), writer lock \(lockName)\(ownership.adoptLegacyRows ? ", adopting legacy rows" : "")")
        var configuration = OVSDBClient.Configuration(remotes: try Remote.list(nbRemotes))
        configuration.logger = logger
        configuration.requestTimeout = options.requestTimeout
        configuration.inactivityProbe = options.inactivityProbe
        configuration.tls = options.tls
        let client = OVSDBClient(configuration)
        clientBox.update { $0 = client }
        let events = client.events()
        let callback = client.cache.onChange { [writing, wake, feed] update in
            // NB_Global moves with northd's and the chassis' bookkeeping; it says nothing about
            // our rows, and the kept view leaves it out (`NBView.ignoredTables`).
            let changes = update.changes.filter { !NBView.ignoredTables.contains($0.table) }
            let drift = !changes.isEmpty && writing.update({ $0.isDrift(changes.map(\.uuid)) })
            // Every update goes to the feed (its generations must stay consecutive), before the
            // wake-up, so the woken loop finds it.
            feed.update { $0.append(ChangeFeed.Entry(generation: update.generation, cause: update.cause, changes: changes, drift: drift)) }
            if drift { wake.raise(.drift) }
        }
        client.start()
        let eventTask = Task { [weak self] in
            for await event in events { self?.handle(event, client: client) }
        }
        // Called on the API's thread at each write: it only marks the wake signal (and resumes
        // the loop if it waits), so a write during a pass costs no task wake-up.
        let observer = signals.observe(.desiredState) { [wake] in wake.raise(.desiredState) }
        await loop(client, ownership: ownership)
        signals.removeObserver(observer)
        eventTask.cancel()
        client.cache.removeCallback(callback)
        await client.stop()
        stateBox.update { state in
            state.role = .starting
            state.nbConnected = false
            state.holdsWriterLock = false
        }
    }

    private func handle(_ event: ClientEvent, client: OVSDBClient) {
        switch event {
        case .connected(let remote):
            logger.info("NB connected: \(remote)")
            stateBox.update { state in
                state.nbConnected = true
                state.remote = remote.description
                state.schemaVersion = client.schema?.version?.description
                state.databaseModel = client.serverDatabase?.model.rawValue
                state.leader = client.serverDatabase.map { $0.model == .clustered ? $0.leader : true }
            }
        case .disconnected(let reason):
            logger.info("NB disconnected: \(reason)")
            stateBox.update { state in
                state.nbConnected = false
                state.remote = nil
            }
        case .lockAcquired(let name) where name == lockName:
            logger.info("writer lock \(name) acquired")
        case .lockStolen(let name), .lockLost(let name):
            if name == lockName { logger.info("writer lock \(name) lost") }
        default:
            break
        }
        switch event {
        case .disconnected, .lockStolen, .lockLost: wake.raise([.connection, .lost])
        default: wake.raise(.connection)
        }
    }
}
