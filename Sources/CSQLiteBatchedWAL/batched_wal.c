// A SQLite VFS over the platform's default ("unix") that gathers the writes of a WAL file into
// one write per run of contiguous bytes (up to 124 KiB each). SQLite writes each WAL frame as two
// `pwrite`s (its 24-byte header, then its page), so a commit of N pages costs 2N system calls;
// under the store's group commits those calls were a third of the writer thread's time. Here
// they land in a buffer that reaches the file before SQLite can make the frames visible or report
// the commit:
//
// - when the page after a commit frame's header is written (the end of a transaction's frames),
// - when SQLite touches the database's shared-memory index (`xShmBarrier`, `xShmLock`): it writes
//   the new index header only after a barrier, so no other connection reads an unwritten frame,
//   and it rewrites frame checksums after the commit frame in some transactions,
// - before any other operation on the WAL file (read, size, truncate, sync, close), and when the
//   buffer is full or a write does not continue it.
//
// Durability is unchanged: every commit's frames are in the kernel before the commit returns
// (synchronous=NORMAL), and `xSync` writes them out first (synchronous=FULL, checkpoints).
// Database files and journals are the default VFS's own files, untouched.

#include "batched_wal.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

enum { BufferLimit = 4 << 20, WriteLimit = 124 << 10, FrameHeaderSize = 24 };

typedef struct WALFile WALFile;

/// The database file: the default VFS's file, wrapped only to find its WAL at a barrier.
typedef struct DatabaseFile {
    sqlite3_file base;
    WALFile *wal;
} DatabaseFile;

/// The WAL file and its pending bytes: `buffer[0..<length]` belongs at file offset `start`.
struct WALFile {
    sqlite3_file base;
    DatabaseFile *database;
    unsigned char *buffer;
    int length;
    int capacity;
    sqlite3_int64 start;
    /// Where the page of the last buffered commit frame goes (-1: none pending).
    sqlite3_int64 commitPageOffset;
    BatchedWALCounters counters;
};

static sqlite3_vfs *underlying;
static sqlite3_vfs batchedVFS;
static const sqlite3_io_methods databaseMethods;
static const sqlite3_io_methods walMethods;

/// Both wrappers put the default VFS's file right after themselves, 8-byte aligned.
static size_t headerSize(void) {
    size_t largest = sizeof(WALFile) > sizeof(DatabaseFile) ? sizeof(WALFile) : sizeof(DatabaseFile);
    return (largest + 7) & ~(size_t)7;
}

/// The default VFS's file behind a wrapper.
static sqlite3_file *realOf(sqlite3_file *handle) {
    return (sqlite3_file *)((unsigned char *)handle + headerSize());
}

// MARK: - The buffer

/// Writes `bytes` at `offset` in pieces the default VFS takes whole: its `unixWrite` masks a
/// write's length to 17 bits (SQLite itself never writes more than a 64 KiB page at once).
static int writeThrough(WALFile *file, const unsigned char *bytes, int amount, sqlite3_int64 offset) {
    while (amount > 0) {
        int piece = amount < WriteLimit ? amount : WriteLimit;
        file->counters.fileWrites += 1;
        sqlite3_file *real = realOf(&file->base);
        int rc = real->pMethods->xWrite(real, bytes, piece, offset);
        if (rc != SQLITE_OK) return rc;
        bytes += piece;
        amount -= piece;
        offset += piece;
    }
    return SQLITE_OK;
}

static int flush(WALFile *file) {
    if (file->length == 0) return SQLITE_OK;
    int length = file->length;
    file->length = 0;
    file->commitPageOffset = -1;
    return writeThrough(file, file->buffer, length, file->start);
}

static int flushIfAny(WALFile *file) {
    return file == NULL ? SQLITE_OK : flush(file);
}

/// For `xShmBarrier`, which cannot fail: on an error the bytes stay buffered, so the WAL's next
/// operation writes them again and reports the error if it persists.
static void flushOrKeep(WALFile *file) {
    if (file == NULL || file->length == 0) return;
    if (writeThrough(file, file->buffer, file->length, file->start) != SQLITE_OK) return;
    file->length = 0;
    file->commitPageOffset = -1;
}

static int reserve(WALFile *file, int needed) {
    if (needed <= file->capacity) return SQLITE_OK;
    int capacity = file->capacity == 0 ? 256 * 1024 : file->capacity;
    while (capacity < needed) capacity *= 2;
    unsigned char *grown = realloc(file->buffer, (size_t)capacity);
    if (grown == NULL) return SQLITE_NOMEM;
    file->buffer = grown;
    file->capacity = capacity;
    return SQLITE_OK;
}

/// A frame header whose "database size after commit" field is set ends a transaction's frames.
static int isCommitFrameHeader(const unsigned char *bytes, int amount) {
    return amount == FrameHeaderSize && (bytes[4] | bytes[5] | bytes[6] | bytes[7]) != 0;
}

static int walWrite(sqlite3_file *handle, const void *data, int amount, sqlite3_int64 offset) {
    WALFile *file = (WALFile *)handle;
    file->counters.requestedWrites += 1;
    // SQLite writes the WAL header (offset 0) when it starts the log (over) with its first frame.
    if (offset == 0) file->counters.headerWrites += 1;
    sqlite3_int64 end = file->start + file->length;
    // A page rewritten in place by the same transaction (SQLite overwrites its own frames).
    if (file->length > 0 && offset >= file->start && offset + amount <= end) {
        memcpy(file->buffer + (offset - file->start), data, (size_t)amount);
        return SQLITE_OK;
    }
    int rc = SQLITE_OK;
    if (file->length > 0 && (offset != end || file->length + amount > BufferLimit)) {
        rc = flush(file);
        if (rc != SQLITE_OK) return rc;
    }
    if (amount > BufferLimit) return writeThrough(file, data, amount, offset);
    rc = reserve(file, file->length + amount);
    if (rc != SQLITE_OK) return rc;
    if (file->length == 0) file->start = offset;
    memcpy(file->buffer + file->length, data, (size_t)amount);
    file->length += amount;
    if (offset == file->commitPageOffset) return flush(file);
    if (isCommitFrameHeader(data, amount)) file->commitPageOffset = offset + FrameHeaderSize;
    return SQLITE_OK;
}

// MARK: - Forwarded as they are

static int forwardClose(sqlite3_file *handle) {
    sqlite3_file *real = realOf(handle);
    return real->pMethods->xClose(real);
}

static int forwardRead(sqlite3_file *handle, void *data, int amount, sqlite3_int64 offset) {
    sqlite3_file *real = realOf(handle);
    return real->pMethods->xRead(real, data, amount, offset);
}

static int forwardWrite(sqlite3_file *handle, const void *data, int amount, sqlite3_int64 offset) {
    sqlite3_file *real = realOf(handle);
    return real->pMethods->xWrite(real, data, amount, offset);
}

static int forwardTruncate(sqlite3_file *handle, sqlite3_int64 size) {
    sqlite3_file *real = realOf(handle);
    return real->pMethods->xTruncate(real, size);
}

static int forwardSync(sqlite3_file *handle, int flags) {
    sqlite3_file *real = realOf(handle);
    return real->pMethods->xSync(real, flags);
}

static int forwardFileSize(sqlite3_file *handle, sqlite3_int64 *size) {
    sqlite3_file *real = realOf(handle);
    return real->pMethods->xFileSize(real, size);
}

static int forwardLock(sqlite3_file *handle, int level) {
    sqlite3_file *real = realOf(handle);
    return real->pMethods->xLock(real, level);
}

static int forwardUnlock(sqlite3_file *handle, int level) {
    sqlite3_file *real = realOf(handle);
    return real->pMethods->xUnlock(real, level);
}

static int forwardCheckReservedLock(sqlite3_file *handle, int *result) {
    sqlite3_file *real = realOf(handle);
    return real->pMethods->xCheckReservedLock(real, result);
}

static int forwardFileControl(sqlite3_file *handle, int op, void *argument) {
    sqlite3_file *real = realOf(handle);
    return real->pMethods->xFileControl(real, op, argument);
}

static int forwardSectorSize(sqlite3_file *handle) {
    sqlite3_file *real = realOf(handle);
    return real->pMethods->xSectorSize(real);
}

static int forwardDeviceCharacteristics(sqlite3_file *handle) {
    sqlite3_file *real = realOf(handle);
    return real->pMethods->xDeviceCharacteristics(real);
}

static int forwardShmMap(sqlite3_file *handle, int region, int size, int extend, void volatile **memory) {
    sqlite3_file *real = realOf(handle);
    return real->pMethods->xShmMap(real, region, size, extend, memory);
}

static int forwardShmLock(sqlite3_file *handle, int offset, int count, int flags) {
    sqlite3_file *real = realOf(handle);
    return real->pMethods->xShmLock(real, offset, count, flags);
}

static void forwardShmBarrier(sqlite3_file *handle) {
    sqlite3_file *real = realOf(handle);
    real->pMethods->xShmBarrier(real);
}

static int forwardShmUnmap(sqlite3_file *handle, int deleteFlag) {
    sqlite3_file *real = realOf(handle);
    return real->pMethods->xShmUnmap(real, deleteFlag);
}

static int forwardFetch(sqlite3_file *handle, sqlite3_int64 offset, int amount, void **pointer) {
    sqlite3_file *real = realOf(handle);
    return real->pMethods->xFetch(real, offset, amount, pointer);
}

static int forwardUnfetch(sqlite3_file *handle, sqlite3_int64 offset, void *pointer) {
    sqlite3_file *real = realOf(handle);
    return real->pMethods->xUnfetch(real, offset, pointer);
}

// MARK: - WAL file methods: everything that reads or measures the file writes the buffer out first

static int walClose(sqlite3_file *handle) {
    WALFile *file = (WALFile *)handle;
    int flushed = flush(file);
    if (file->database != NULL) file->database->wal = NULL;
    int rc = forwardClose(handle);
    free(file->buffer);
    file->buffer = NULL;
    file->capacity = 0;
    return flushed != SQLITE_OK ? flushed : rc;
}

static int walRead(sqlite3_file *handle, void *data, int amount, sqlite3_int64 offset) {
    int rc = flush((WALFile *)handle);
    return rc != SQLITE_OK ? rc : forwardRead(handle, data, amount, offset);
}

static int walTruncate(sqlite3_file *handle, sqlite3_int64 size) {
    int rc = flush((WALFile *)handle);
    return rc != SQLITE_OK ? rc : forwardTruncate(handle, size);
}

static int walSync(sqlite3_file *handle, int flags) {
    int rc = flush((WALFile *)handle);
    return rc != SQLITE_OK ? rc : forwardSync(handle, flags);
}

static int walFileSize(sqlite3_file *handle, sqlite3_int64 *size) {
    int rc = flush((WALFile *)handle);
    return rc != SQLITE_OK ? rc : forwardFileSize(handle, size);
}

static int walFileControl(sqlite3_file *handle, int op, void *argument) {
    int rc = flush((WALFile *)handle);
    return rc != SQLITE_OK ? rc : forwardFileControl(handle, op, argument);
}

static int walFetch(sqlite3_file *handle, sqlite3_int64 offset, int amount, void **pointer) {
    int rc = flush((WALFile *)handle);
    return rc != SQLITE_OK ? rc : forwardFetch(handle, offset, amount, pointer);
}

static const sqlite3_io_methods walMethods = {
    3, walClose, walRead, walWrite, walTruncate, walSync, walFileSize, forwardLock, forwardUnlock,
    forwardCheckReservedLock, walFileControl, forwardSectorSize, forwardDeviceCharacteristics,
    forwardShmMap, forwardShmLock, forwardShmBarrier, forwardShmUnmap, walFetch, forwardUnfetch,
};

// MARK: - Database file methods: the shared-memory ones write the WAL's buffer out first

static int databaseClose(sqlite3_file *handle) {
    DatabaseFile *file = (DatabaseFile *)handle;
    if (file->wal != NULL) file->wal->database = NULL;
    return forwardClose(handle);
}

static int databaseFileControl(sqlite3_file *handle, int op, void *argument) {
    DatabaseFile *file = (DatabaseFile *)handle;
    if (op != OVN_EDGE_FCNTL_BATCHED_WAL_COUNTERS) return forwardFileControl(handle, op, argument);
    BatchedWALCounters *counters = argument;
    if (file->wal == NULL) {
        memset(counters, 0, sizeof *counters);
    } else {
        *counters = file->wal->counters;
    }
    return SQLITE_OK;
}

static int databaseShmLock(sqlite3_file *handle, int offset, int count, int flags) {
    int rc = flushIfAny(((DatabaseFile *)handle)->wal);
    return rc != SQLITE_OK ? rc : forwardShmLock(handle, offset, count, flags);
}

static void databaseShmBarrier(sqlite3_file *handle) {
    flushOrKeep(((DatabaseFile *)handle)->wal);
    forwardShmBarrier(handle);
}

static int databaseShmUnmap(sqlite3_file *handle, int deleteFlag) {
    int rc = flushIfAny(((DatabaseFile *)handle)->wal);
    return rc != SQLITE_OK ? rc : forwardShmUnmap(handle, deleteFlag);
}

static const sqlite3_io_methods databaseMethods = {
    3, databaseClose, forwardRead, forwardWrite, forwardTruncate, forwardSync, forwardFileSize,
    forwardLock, forwardUnlock, forwardCheckReservedLock, databaseFileControl, forwardSectorSize,
    forwardDeviceCharacteristics, forwardShmMap, databaseShmLock, databaseShmBarrier,
    databaseShmUnmap, forwardFetch, forwardUnfetch,
};

// MARK: - The VFS

static int batchedOpen(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *handle, int flags, int *outFlags) {
    (void)vfs;
    int kind = flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL);
    // Journals, temporary files: the default VFS's file in place, nothing wrapped.
    if (kind == 0 || name == NULL) return underlying->xOpen(underlying, name, handle, flags, outFlags);

    sqlite3_file *real = realOf(handle);
    memset(handle, 0, headerSize());
    int rc = underlying->xOpen(underlying, name, real, flags, outFlags);
    if (rc != SQLITE_OK) {
        if (real->pMethods != NULL) real->pMethods->xClose(real);
        handle->pMethods = NULL;
        return rc;
    }
    // Files without shared-memory and fetch methods are not wrapped (the "unix" VFS has them).
    if (real->pMethods->iVersion < 3) {
        real->pMethods->xClose(real);
        return underlying->xOpen(underlying, name, handle, flags, outFlags);
    }
    if (kind == SQLITE_OPEN_MAIN_DB) {
        handle->pMethods = &databaseMethods;
        return SQLITE_OK;
    }
    WALFile *file = (WALFile *)handle;
    file->commitPageOffset = -1;
    sqlite3_file *database = sqlite3_database_file_object(name);
    if (database != NULL && database->pMethods == &databaseMethods) {
        file->database = (DatabaseFile *)database;
        file->database->wal = file;
    }
    file->base.pMethods = &walMethods;
    return SQLITE_OK;
}

static int batchedDelete(sqlite3_vfs *vfs, const char *name, int syncDirectory) {
    (void)vfs;
    return underlying->xDelete(underlying, name, syncDirectory);
}

static int batchedAccess(sqlite3_vfs *vfs, const char *name, int flags, int *result) {
    (void)vfs;
    return underlying->xAccess(underlying, name, flags, result);
}

static int batchedFullPathname(sqlite3_vfs *vfs, const char *name, int size, char *output) {
    (void)vfs;
    return underlying->xFullPathname(underlying, name, size, output);
}

static void *batchedDlOpen(sqlite3_vfs *vfs, const char *name) {
    (void)vfs;
    return underlying->xDlOpen(underlying, name);
}

static void batchedDlError(sqlite3_vfs *vfs, int size, char *message) {
    (void)vfs;
    underlying->xDlError(underlying, size, message);
}

static void (*batchedDlSym(sqlite3_vfs *vfs, void *library, const char *symbol))(void) {
    (void)vfs;
    return underlying->xDlSym(underlying, library, symbol);
}

static void batchedDlClose(sqlite3_vfs *vfs, void *library) {
    (void)vfs;
    underlying->xDlClose(underlying, library);
}

static int batchedRandomness(sqlite3_vfs *vfs, int size, char *output) {
    (void)vfs;
    return underlying->xRandomness(underlying, size, output);
}

static int batchedSleep(sqlite3_vfs *vfs, int microseconds) {
    (void)vfs;
    return underlying->xSleep(underlying, microseconds);
}

static int batchedCurrentTime(sqlite3_vfs *vfs, double *time) {
    (void)vfs;
    return underlying->xCurrentTime(underlying, time);
}

static int batchedGetLastError(sqlite3_vfs *vfs, int size, char *message) {
    (void)vfs;
    return underlying->xGetLastError(underlying, size, message);
}

static int batchedCurrentTimeInt64(sqlite3_vfs *vfs, sqlite3_int64 *time) {
    (void)vfs;
    return underlying->xCurrentTimeInt64(underlying, time);
}

static int registration = SQLITE_OK;
static pthread_once_t registrationOnce = PTHREAD_ONCE_INIT;

/// No one reads SQLite's memory statistics, whose upkeep takes a global mutex around every
/// allocation. `sqlite3_config` must precede SQLite's initialization and is not thread-safe, so
/// it runs as the program loads, before any thread could touch SQLite.
__attribute__((constructor)) static void configureSQLite(void) {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static void registerOnce(void) {
    underlying = sqlite3_vfs_find(NULL);
    if (underlying == NULL || underlying->iVersion < 2) {
        registration = SQLITE_ERROR;
        return;
    }
    batchedVFS.iVersion = 2;
    batchedVFS.szOsFile = (int)headerSize() + underlying->szOsFile;
    batchedVFS.mxPathname = underlying->mxPathname;
    batchedVFS.zName = "ovn-edge-batched-wal";
    batchedVFS.xOpen = batchedOpen;
    batchedVFS.xDelete = batchedDelete;
    batchedVFS.xAccess = batchedAccess;
    batchedVFS.xFullPathname = batchedFullPathname;
    batchedVFS.xDlOpen = batchedDlOpen;
    batchedVFS.xDlError = batchedDlError;
    batchedVFS.xDlSym = batchedDlSym;
    batchedVFS.xDlClose = batchedDlClose;
    batchedVFS.xRandomness = batchedRandomness;
    batchedVFS.xSleep = batchedSleep;
    batchedVFS.xCurrentTime = batchedCurrentTime;
    batchedVFS.xGetLastError = batchedGetLastError;
    batchedVFS.xCurrentTimeInt64 = batchedCurrentTimeInt64;
    registration = sqlite3_vfs_register(&batchedVFS, 1);
}

int ovn_edge_batched_wal_register(void) {
    pthread_once(&registrationOnce, registerOnce);
    return registration;
}

int ovn_edge_batched_wal_counters(void *connection, BatchedWALCounters *counters) {
    memset(counters, 0, sizeof *counters);
    return sqlite3_file_control((sqlite3 *)connection, "main", OVN_EDGE_FCNTL_BATCHED_WAL_COUNTERS, counters);
}
