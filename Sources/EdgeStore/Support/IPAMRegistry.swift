import EdgeCore
import Foundation

/// In-memory IPAM state per external network, built from the database on first use.
///
/// Pools are only changed inside the store's write transactions, which the database pool runs
/// one at a time, so an allocation and the row recording it are never interleaved with another
/// allocation. A transaction that fails drops the pools it touched; the next use rebuilds them
/// from committed rows.
final class IPAMRegistry: @unchecked Sendable {
    // Safe: `pools` is read and written only under `lock`.
    private let lock = NSLock()
    private var pools: [UUID: NetworkIPAM] = [:]

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
