import EdgeCore
import Foundation
import GRDB
import Synchronization

/// The SQLite database of desired state, allocations and history.
///
/// Open with `Store.open(path:)` (or `open(dataDirectory:)`), then `migrate()`. Reads run
/// concurrently on a WAL pool; writes run on a single writer, grouped: all writes waiting
/// share one IMMEDIATE transaction, each under its own savepoint, and each appends its
/// change-log (and allocation-history) rows there, so a failed write changes nothing
/// (`Store+GroupCommit.swift`). IPAM state lives in memory per network, rebuilt from the
/// database on first use, and is only touched inside those serialized write transactions.
public final class Store: Sendable {
    /// The file name `open(dataDirectory:)` uses.
    public static let fileName = "ovn-edge.sqlite"

    public let path: String
    let pool: DatabasePool
    /// Checkpoints the WAL beside the writer instead of inside its commits.
    let checkpointer: WALCheckpointer
    let ipam = IPAMRegistry()
    /// Addresses of EIPs the writer resolved, for the replies to those writes.
    let eipAddresses = EIPAddressCache()
    /// Synced objects as the last committed writes left them, for the reconciler.
    public let freshObjects = FreshObjects()
    /// EIPs' network, addresses and MAC, which never change.
    let eipAddressing = EIPAddressingCache()
    let clock: @Sendable () -> Date
    let beforeCommit: (@Sendable () -> Void)?
    let migrator = SchemaMigrator(migrations: SchemaMigration.all)
    /// Bumped after every write transaction of this process (committed or not).
    let writes = Atomic<UInt64>(0)
    /// Writes waiting for the writer, and the queue the writer runs groups on
    /// (`Store+GroupCommit.swift`).
    let writeQueue = WriteQueue(maxGroup: 256)
    let writerQueue = DispatchQueue(label: "ovn-edge.store.writer")

    private init(path: String, pool: DatabasePool, checkpointer: WALCheckpointer, configuration: StoreConfiguration) {
        self.path = path
        self.pool = pool
        self.checkpointer = checkpointer
        self.clock = configuration.clock
        self.beforeCommit = configuration.beforeCommit
    }

    /// Opens (creating if needed) the database at `path` with WAL, foreign keys and a busy
    /// timeout. Refuses a database migrated by a newer binary
    /// (`StoreError.databaseNewerThanBinary`). Does not migrate.
    public static func open(path: String, configuration: StoreConfiguration = StoreConfiguration()) throws -> Store {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        guard BatchedWAL.registration == 0 else { throw StoreError.database("SQLite refused the batched-WAL VFS (code \(BatchedWAL.registration))") }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(configuration.busyTimeout)
        config.maximumReaderCount = configuration.maximumReaderCount
        let synchronous = configuration.synchronousFull ? "FULL" : "NORMAL"
        let checkpointer = WALCheckpointer(path: path, pageLimit: configuration.checkpointPages)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
            // Statement journals in memory: every member of a group commit runs in a savepoint,
            // whose journal otherwise spills to a temporary file past 64 KiB, two writes a page.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // Debian builds SQLite with secure delete on: every freed cell is zeroed, a memset
            // per row a status write moves. The change log keeps every value anyway.
            try db.execute(sql: "PRAGMA secure_delete = OFF")
            guard !db.configuration.readonly else { return }
            // The writer: its commits leave checkpoints to `WALCheckpointer`; 16 MiB of page
            // cache keeps index leaves between group commits.
            checkpointer.watch(db)
            try db.execute(sql: "PRAGMA cache_size = -16384")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw DatabaseErrorMapping.map(error)
        }
        let store = Store(path: path, pool: pool, checkpointer: checkpointer, configuration: configuration)
        try store.read { db in try store.migrator.checkNotNewer(db) }
        return store
    }

    /// Opens `<dataDirectory>/ovn-edge.sqlite`, creating the folder if needed.
    public static func open(dataDirectory: String, configuration: StoreConfiguration = StoreConfiguration()) throws -> Store {
        try open(path: (dataDirectory as NSString).appendingPathComponent(fileName), configuration: configuration)
    }

    /// Every migration this binary carries.
    public static var availableMigrations: [SchemaMigration] { SchemaMigration.all }

    /// Applies pending migrations in order, each in its own transaction, and returns the names
    /// applied now (empty when the schema was current).
    @discardableResult
    public func migrate() throws -> [String] {
        let before = try migrationStatus()
        if !before.unknown.isEmpty {
            throw StoreError.databaseNewerThanBinary(unknownMigrations: before.unknown, binaryLatest: before.available.last)
        }
        do {
            try migrator.migrator.migrate(pool)
        } catch {
            throw DatabaseErrorMapping.map(error)
        }
        return try migrationStatus().applied.filter { !before.applied.contains($0) }
    }

    public func migrationStatus() throws -> MigrationStatus {
        try read { db in try migrator.status(db) }
    }

    /// Throws `migrationRequired` unless every migration of this binary has run.
    public func requireCurrentSchema() throws {
        let status = try migrationStatus()
        if !status.unknown.isEmpty {
            throw StoreError.databaseNewerThanBinary(unknownMigrations: status.unknown, binaryLatest: status.available.last)
        }
        if !status.pending.isEmpty { throw StoreError.migrationRequired(pending: status.pending) }
    }

    public func close() throws {
        try pool.close()
        checkpointer.close()
    }

    // MARK: - Repositories and logs

    public var networks: Repository<ExternalNetworkSpec> { Repository(store: self, behavior: ExternalNetworkBehavior()) }
    public var eips: Repository<EIPSpec> { Repository(store: self, behavior: EIPBehavior()) }
    public var routerGateways: Repository<RouterGatewaySpec> { Repository(store: self, behavior: RouterGatewayBehavior()) }
    public var nodeGateways: Repository<NodeGatewaySpec> { Repository(store: self, behavior: NodeGatewayBehavior()) }
    public var fips: Repository<FloatingIPSpec> { Repository(store: self, behavior: FloatingIPBehavior()) }
    public var snatRules: Repository<SNATRuleSpec> { Repository(store: self, behavior: SNATRuleBehavior()) }
    public var dnatRules: Repository<DNATRuleSpec> { Repository(store: self, behavior: DNATRuleBehavior()) }
    public var mirrors: Repository<MirrorSpec> { Repository(store: self, behavior: MirrorBehavior()) }

    public var changeLog: ChangeLog { ChangeLog(store: self) }
    public var allocationHistory: AllocationHistory { AllocationHistory(store: self) }
    public var sync: SyncQueue { SyncQueue(store: self) }
    public var idempotencyKeys: IdempotencyKeys { IdempotencyKeys(store: self) }

    // MARK: - Transactions

    /// Changes whenever a write transaction of this store finished (any kind, any outcome),
    /// after its commit. Caches of what was read (the API's encoded resources) keep the value
    /// they saw before their read and are valid only while it is unchanged: every write, the
    /// reconciler's status write-back included, runs through `write` and bumps it before the
    /// writer's caller returns, so a read that starts after a write returned misses the cache.
    /// Only this process's writes count; resource rows are written by `serve` alone (the
    /// `token` command writes tokens, not resources).
    public var writeGeneration: UInt64 { writes.load(ordering: .acquiring) }

    /// Cached: the writer asks twice per group commit, and compiling it (GRDB's authorizer
    /// included) cost more than running it.
    static func latestChange(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(id) FROM change_log")) ?? 0
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch {
            throw DatabaseErrorMapping.map(error)
        }
    }
}
