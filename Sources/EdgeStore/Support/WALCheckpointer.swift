import CSQLiteBatchedWAL
import Dispatch
import GRDB
import Synchronization

/// Copies the WAL back into the database file on a connection and thread of its own.
///
/// SQLite's automatic checkpoint runs on the connection that committed, before its commit
/// returns: on the store's single writer, the write that took the WAL past 4,000 pages waited
/// for the copy and its two `fsync`s (a bulk of 10,000 FIPs: 60 – 100 ms on its own commit, and
/// as much again on the next status write-back). Here the writer's commit only compares the
/// WAL's size with the limit; a PASSIVE checkpoint, which never takes the write lock, copies
/// what no reader still needs while the writer goes on, and the next write transaction after a
/// complete one starts the WAL over.
final class WALCheckpointer: Sendable {
    /// WAL pages that start a checkpoint (16 MiB): a page rewritten by many commits (an index
    /// leaf) is copied back once per checkpoint, not once per 1,000 pages (SQLite's default).
    static let pageLimit = 4_000

    private struct State {
        var scheduled = false
        var closed = false
        var connection: DatabaseQueue?
    }

    private let path: String
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "ovn-edge.store.checkpointer", qos: .utility)
    /// What SQLite calls after each of the writer's commits. Written once in `init`, read only by
    /// SQLite, freed in `deinit`; the writer connection holding it is closed before then, since
    /// its `prepareDatabase` closure (in the pool's configuration) keeps this object alive.
    private nonisolated(unsafe) let hook: UnsafeMutablePointer<OVNEdgeWALCommitHook>

    init(path: String) {
        self.path = path
        hook = .allocate(capacity: 1)
        hook.initialize(to: OVNEdgeWALCommitHook(
            callback: { context, walFrames in
                Unmanaged<WALCheckpointer>.fromOpaque(context!).takeUnretainedValue().committed(walFrames: Int(walFrames))
            },
            context: nil
        ))
        hook.pointee.context = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        hook.deallocate()
    }

    /// Makes `db` (the store's writer) report its commits here instead of checkpointing itself.
    func watch(_ db: Database) {
        ovn_edge_wal_commit_hook(UnsafeMutableRawPointer(db.sqliteConnection), hook)
    }

    /// Waits for a running checkpoint and closes the checkpoint connection; commits after this
    /// start none.
    func close() {
        state.withLock { $0.closed = true }
        queue.sync {
            let connection = state.withLock { state in
                defer { state.connection = nil }
                return state.connection
            }
            try? connection?.close()
        }
    }

    /// No checkpoint is waiting or running.
    var isIdle: Bool { state.withLock { !$0.scheduled } }

    /// On the writer's thread, inside its commit: cheap unless a checkpoint is due.
    private func committed(walFrames: Int) {
        guard walFrames >= Self.pageLimit else { return }
        let start = state.withLock { state in
            guard !state.scheduled, !state.closed else { return false }
            state.scheduled = true
            return true
        }
        if start { queue.async { self.checkpoint() } }
    }

    /// Commits while it runs schedule none (`scheduled` stays set): the WAL they report still
    /// holds the frames being copied. Failures are left to the next commit past the limit —
    /// PASSIVE gives up rather than wait (another checkpoint running, a closing connection).
    private func checkpoint() {
        defer { state.withLock { $0.scheduled = false } }
        guard let connection = try? openConnection() else { return }
        _ = try? connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
    }

    private func openConnection() throws -> DatabaseQueue? {
        let (closed, existing) = state.withLock { ($0.closed, $0.connection) }
        if closed { return nil }
        if let existing { return existing }
        var configuration = Configuration()
        configuration.label = "ovn-edge.store.checkpointer"
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        return state.withLock { state in
            guard !state.closed else { return nil }
            state.connection = connection
            return connection
        }
    }
}
