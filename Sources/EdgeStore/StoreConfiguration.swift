import Foundation

/// How a `Store` opens its database.
public struct StoreConfiguration: Sendable {
    /// How long a writer waits for another process's lock before failing.
    public var busyTimeout: TimeInterval = 5
    /// Maximum concurrent readers of the WAL pool.
    public var maximumReaderCount = 8
    /// The time source for timestamps and history (tests pin it).
    public var clock: @Sendable () -> Date = { Date() }
    /// SQLite `synchronous`: NORMAL is crash-safe in WAL mode (a power loss may drop the last
    /// commits, never corrupt); FULL also survives power loss at a per-commit fsync.
    public var synchronousFull = false
    /// WAL pages (4 KiB) after which a checkpoint starts (`WALCheckpointer`).
    public var checkpointPages = 4_000

    /// Test hook: runs inside every write transaction just before it commits. The crash test
    /// uses it to be killed mid-transaction; production code leaves it nil.
    public var beforeCommit: (@Sendable () -> Void)?

    public init() {}
}
