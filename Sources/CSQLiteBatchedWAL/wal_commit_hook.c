#include "batched_wal.h"

#include <sqlite3.h>
#include <stddef.h>
#include <string.h>

static int onWALCommit(void *argument, sqlite3 *connection, const char *database, int walFrames) {
    if (strcmp(database, "main") != 0) return SQLITE_OK; // attached databases: none in the store
    const OVNEdgeWALCommitHook *hook = argument;
    BatchedWALCounters counters;
    if (ovn_edge_batched_wal_counters(connection, &counters) != SQLITE_OK) counters.headerWrites = 0;
    if (hook->callback(hook->context, walFrames, counters.headerWrites)) {
        // As SQLite's own hook does; a failure (another checkpoint running) leaves the frames
        // for the next one.
        sqlite3_wal_checkpoint_v2(connection, database, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }
    return SQLITE_OK;
}

void ovn_edge_wal_commit_hook(void *connection, const OVNEdgeWALCommitHook *hook) {
    sqlite3_wal_hook((sqlite3 *)connection, onWALCommit, (void *)hook);
}
