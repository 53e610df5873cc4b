#include "batched_wal.h"

#include <sqlite3.h>

static int onWALCommit(void *argument, sqlite3 *connection, const char *database, int walFrames) {
    (void)connection;
    (void)database;
    const OVNEdgeWALCommitHook *hook = argument;
    hook->callback(hook->context, walFrames);
    return SQLITE_OK;
}

void ovn_edge_wal_commit_hook(void *connection, const OVNEdgeWALCommitHook *hook) {
    sqlite3_wal_hook((sqlite3 *)connection, onWALCommit, (void *)hook);
}
