import CSQLiteBatchedWAL
import Dispatch
import GRDB
import Synchronization

/// Copies the WAL back into the database file mostly on a connection and thread of its own.
///
/// SQLite's automatic checkpoint runs on the connection that committed, before its commit
/// returns: on the store's single writer, the write that took the WAL past 4,000 pages waited
/// for the whole copy and its two `fsync`s (a bulk of 10,000 FIPs: 60 – 100 ms on its own
/// commit, and as much again on the next status write-back). Here that commit only starts a
/// PASSIVE checkpoint on another thread, which never takes the write lock.
///
/// The WAL starts over only when a write transaction begins after every frame was copied back,
/// and commits keep adding frames while the background copy runs; under a steady load it would
/// never be complete (a POST benchmark grew the WAL past 1 GB). So the writer finishes the job:
/// the first commit after a background round that finds at most `catchUpPages` frames left
/// copies those itself (a fraction of the pages SQLite's own checkpoint copied there, though
/// the same two `fsync`s), and past `hardLimit` it copies whatever is left, as SQLite would have
/// (after waiting for a round that is running: one checkpoint runs at a time). A round's count
/// is kept with the WAL it copied from (the batched-WAL VFS counts the writer's WAL starts), so
/// a WAL started over meanwhile is never taken for the rest of an old one. (A WAL started over
/// by another process is: at worst one catch-up copies a whole limit, as SQLite would.)
final class WALCheckpointer: Sendable {
    /// WAL pages that start a checkpoint (16 MiB by default): a page rewritten by many commits (an
    /// index leaf) is copied back once per checkpoint, not once per 1,000 pages (SQLite's default).
    let pageLimit: Int
    /// Frames left after a background round that the writer copies at its next commit.
    var catchUpPages: Int { max(1, pageLimit / 4) }
    /// Past this the writer copies whatever is left (the background rounds do not keep up).
    var hardLimit: Int { pageLimit * 4 }

    private struct State {
        var running = false
        var closed = false
        var connection: DatabaseQueue?
        /// The WAL's frames that the last background round copied, while the WAL is the one it
        /// copied from (`copiedFrom`: the writer's count of WAL starts then).
        var copied = 0
        var copiedFrom: UInt64 = 0
        var rounds = 0
        var writerCheckpoints = 0
    }

    private enum Step { case none, background, writer, afterBackground }

    private let path: String
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "ovn-edge.store.checkpointer", qos: .utility)
    /// What SQLite calls after each of the writer's commits. Written once in `init`, read only by
    /// SQLite, freed in `deinit`; the writer connection holding it is closed before then, since
    /// its `prepareDatabase` closure (in the pool's configuration) keeps this object alive.
    private nonisolated(unsafe) let hook: UnsafeMutablePointer<OVNEdgeWALCommitHook>

    init(path: String, pageLimit: Int = 4_000) {
        self.path = path
        self.pageLimit = pageLimit
        hook = .allocate(capacity: 1)
        hook.initialize(to: OVNEdgeWALCommitHook(
            callback: { context, walFrames, walStarts in
                let checkpointer = Unmanaged<WALCheckpointer>.fromOpaque(context!).takeUnretainedValue()
                return checkpointer.committed(walFrames: Int(walFrames), walStarts: walStarts) ? 1 : 0
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

    /// No background checkpoint is waiting or running.
    var isIdle: Bool { state.withLock { !$0.running } }

    /// Background rounds started, and checkpoints the writer ran itself.
    var counts: (rounds: Int, writerCheckpoints: Int) { state.withLock { ($0.rounds, $0.writerCheckpoints) } }

    /// Waits for a running checkpoint and closes the checkpoint connection. Later commits past
    /// the limit checkpoint on the writer, as SQLite's own checkpoint would (`Store.close` closes
    /// the pool first: if that fails, the store goes on writing).
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

    /// On the writer's thread, inside its commit: true when the writer is to copy the rest now.
    /// `walStarts` counts the times the writer started the WAL (over): a round's count of copied
    /// frames is about the WAL it copied from, not a new one.
    private func committed(walFrames: Int, walStarts: UInt64) -> Bool {
        guard walFrames >= pageLimit else { return false } // most commits: no lock taken
        let step = state.withLock { state -> Step in
            if state.closed { return .writer }
            if state.running { return walFrames >= hardLimit ? .afterBackground : .none }
            let copied = state.copiedFrom == walStarts ? state.copied : 0
            if walFrames >= hardLimit || (copied > 0 && walFrames - copied <= catchUpPages) {
                state.copied = 0
                state.writerCheckpoints += 1
                return .writer
            }
            state.running = true
            state.rounds += 1
            return .background
        }
        switch step {
        case .none: return false
        case .background: queue.async { self.checkpoint(walStarts: walStarts) }; return false
        case .writer: return true
        case .afterBackground:
            // Only one checkpoint runs at a time: wait for the round (the queue is serial).
            queue.sync {}
            state.withLock { state in
                state.copied = 0
                state.writerCheckpoints += 1
            }
            return true
        }
    }

    /// Failures are left to the next commit past the limit: PASSIVE gives up rather than wait
    /// (another checkpoint running, a closing connection).
    private func checkpoint(walStarts: UInt64) {
        var copied = 0
        defer {
            state.withLock { state in
                state.running = false
                state.copied = copied
                state.copiedFrom = walStarts
            }
        }
        guard let connection = try? openConnection(),
              let result = try? connection.writeWithoutTransaction({ db in try db.checkpoint(.passive) })
        else { return }
        copied = result.checkpointedFrameCount
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
