import CSQLiteBatchedWAL
import GRDB

/// The SQLite VFS every store opens its files with: the default one, except that a WAL file takes
/// a commit's frames as one write instead of two `pwrite`s per page (`batched_wal.c` says when
/// they reach the file: before the commit returns and before any connection can see them).
enum BatchedWAL {
    /// Registered once per process as SQLite's default VFS, before the first store opens.
    static let registration: Int32 = ovn_edge_batched_wal_register()

    /// What the WAL file of `db`'s connection was asked to write and what it wrote.
    static func counters(_ db: Database) -> (requestedWrites: UInt64, fileWrites: UInt64) {
        var counters = BatchedWALCounters()
        _ = ovn_edge_batched_wal_counters(UnsafeMutableRawPointer(db.sqliteConnection), &counters)
        return (counters.requestedWrites, counters.fileWrites)
    }
}
