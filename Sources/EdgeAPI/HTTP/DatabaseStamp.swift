import EdgeStore
#if canImport(Glibc)
import Glibc
#endif

/// What must be unchanged for a cached answer (a principal, an encoded GET) to stay valid: this
/// process's store write generation, and the database's WAL file as `stat` sees it. Every
/// commit — also one by another process on the same file (`ovn-edge token revoke`, another
/// `serve` replica) — appends to the WAL (or rewrites it after a checkpoint), which moves its
/// size or modification time, so such a write is seen by the next request. (A rewrite of the
/// same size within one timestamp tick is the rare change `stat` cannot tell apart.)
struct DatabaseStamp: Equatable, Sendable {
    let generation: UInt64
    let walSize: Int64
    let walSeconds: Int
    let walNanoseconds: Int
    let walInode: UInt64

    init(store: Store) {
        generation = store.writeGeneration
        var info = stat()
        if stat(store.path + "-wal", &info) == 0 {
            walSize = Int64(info.st_size)
            walSeconds = Int(info.st_mtim.tv_sec)
            walNanoseconds = Int(info.st_mtim.tv_nsec)
            walInode = UInt64(info.st_ino)
        } else {
            walSize = -1
            walSeconds = 0
            walNanoseconds = 0
            walInode = 0
        }
    }
}
