import EdgeCore
import Foundation

/// In-memory IPAM state per external network, built from the database on first use.
///
/// Pools are only changed inside the store's write transactions, which the database pool runs
/// one at a time, so an allocation and the row recording it are never interleaved with another
/// allocation. A transaction that fails drops the pools it touched; the next use rebuilds them
/// from committed rows. Another process writing the same file is noticed through the change
/// log's high-water mark (every write appends to it), and then every pool is rebuilt.
final class IPAMRegistry: @unchecked Sendable {
    // Safe: `pools` and `lastSeenChange` are read and written only under `lock`.
    private let lock = NSLock()
    private var pools: [UUID: NetworkIPAM] = [:]
    private var lastSeenChange: Int64?

    /// Called at the start of each write transaction with the newest change-log id: if it is
    /// not the one this process left behind, someone else wrote and the pools may be stale.
    func synchronize(latestChange: Int64) {
        lock.withLock {
            if lastSeenChange != latestChange { pools.removeAll() }
            lastSeenChange = latestChange
        }
    }

    /// Called after this process's own commit.
    func committed(latestChange: Int64) {
        lock.withLock { lastSeenChange = latestChange }
    }

    func withPool<T>(
        _ network: UUID, load: () throws -> NetworkIPAM, _ body: (inout NetworkIPAM) throws -> T
    ) throws -> T {
        try lock.withLock {
            var pool = try pools[network] ?? load()
            defer { pools[network] = pool }
            return try body(&pool)
        }
    }

    func drop(_ networks: some Sequence<UUID>) {
        lock.withLock { for network in networks { pools[network] = nil } }
    }
}
