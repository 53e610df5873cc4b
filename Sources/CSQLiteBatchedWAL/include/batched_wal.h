#ifndef OVN_EDGE_BATCHED_WAL_H
#define OVN_EDGE_BATCHED_WAL_H

#include <stdint.h>

/// Registers the "ovn-edge-batched-wal" SQLite VFS as the process default (once; later calls
/// return the first result). Returns 0 (SQLITE_OK) or an SQLite error code.
int ovn_edge_batched_wal_register(void);

/// The `sqlite3_file_control` op that fills `BatchedWALCounters` for a connection's database
/// ("main"): what its WAL file handle was given and what it wrote.
#define OVN_EDGE_FCNTL_BATCHED_WAL_COUNTERS 0x6f766e01

typedef struct BatchedWALCounters {
    /// Writes SQLite asked of the WAL file (a frame is two: its header and its page).
    uint64_t requestedWrites;
    /// Writes that reached the file system (one per flushed run of contiguous bytes).
    uint64_t fileWrites;
    /// Writes of the WAL header: one each time this connection started the WAL (over).
    uint64_t headerWrites;
} BatchedWALCounters;

/// Fills `counters` for the WAL of `connection`'s main database (an `sqlite3 *`); zeros when it
/// has none open. Returns SQLITE_OK or the error of `sqlite3_file_control`.
int ovn_edge_batched_wal_counters(void *connection, BatchedWALCounters *counters);

/// What a connection calls after each commit: `callback(context, frames now in its WAL, how many
/// times this connection started the WAL (over))`; a nonzero result makes the connection run a
/// PASSIVE checkpoint itself before its commit returns (as SQLite's automatic checkpoint does).
typedef struct OVNEdgeWALCommitHook {
    int (*callback)(void *context, int walFrames, uint64_t walStarts);
    void *context;
} OVNEdgeWALCommitHook;

/// Replaces SQLite's automatic checkpoint on `connection` (an `sqlite3 *`, its "main" database)
/// with `hook` (`sqlite3_wal_hook` takes the place of `wal_autocheckpoint`). The caller owns `hook`, which
/// must outlive the connection. (`wal_commit_hook.c`; declared here, since SwiftPM's module of
/// this folder does not notice a header added to it in an existing build.)
void ovn_edge_wal_commit_hook(void *connection, const OVNEdgeWALCommitHook *hook);

#endif
