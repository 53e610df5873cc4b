#ifndef OVN_EDGE_WAL_COMMIT_HOOK_H
#define OVN_EDGE_WAL_COMMIT_HOOK_H

/// What a connection calls after each commit: `callback(context, frames now in its WAL)`.
typedef struct OVNEdgeWALCommitHook {
    void (*callback)(void *context, int walFrames);
    void *context;
} OVNEdgeWALCommitHook;

/// Replaces SQLite's automatic checkpoint on `connection` (an `sqlite3 *`) with `hook`: the
/// connection no longer checkpoints by itself after a commit (`sqlite3_wal_hook` takes the
/// place of `wal_autocheckpoint`). The caller owns `hook`, which must outlive the connection.
void ovn_edge_wal_commit_hook(void *connection, const OVNEdgeWALCommitHook *hook);

#endif
