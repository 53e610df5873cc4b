import EdgeCore
@testable import EdgeStore
import Foundation
import GRDB
import Testing
import TestSupport

/// The batched-WAL VFS (`CSQLiteBatchedWAL`): a commit's frames reach the WAL file in a few large
/// writes, and everything a commit wrote is in the file — checksums included — by the time the
/// commit returns, which a copy of the files opened elsewhere (SQLite's recovery) shows.
@Suite struct BatchedWALTests {
    /// A database in WAL mode on the default VFS (the batched one once a store registered it).
    func walQueue(_ path: String, cachePages: Int? = nil) throws -> DatabaseQueue {
        #expect(BatchedWAL.registration == 0)
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            if let cachePages { try db.execute(sql: "PRAGMA cache_size = \(cachePages)") }
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            // As the store runs: no WAL sync at commit, so only the VFS's own rules write the frames.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let mode = try queue.writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA journal_mode = WAL") }
        #expect(mode == "wal")
        return queue
    }

    func counters(_ queue: DatabaseQueue) -> (requestedWrites: UInt64, fileWrites: UInt64) {
        queue.inDatabase { BatchedWAL.counters($0) }
    }

    @Test func aCommitsFramesReachTheFileInAFewWrites() throws {
        let folder = try TemporaryDirectory(prefix: "batched-wal")
        defer { folder.remove() }
        let queue = try walQueue(folder.path + "/a.sqlite")
        try queue.write { try $0.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL)") }
        let before = counters(queue)
        try queue.write { db in
            for id in 0..<2000 { try db.execute(sql: "INSERT INTO t VALUES (?, randomblob(500))", arguments: [id]) }
        }
        let after = counters(queue)
        let requested = after.requestedWrites - before.requestedWrites
        let written = after.fileWrites - before.fileWrites
        // ~270 pages of 4 KiB: two requested writes a frame, one file write per 124 KiB of frames.
        #expect(requested >= 500, "\(requested)")
        #expect(written >= 1 && written <= 12, "\(written) file writes for \(requested) requested")
        try queue.close()
    }

    /// Every commit's frames are in the WAL file when the commit returns: a copy of the database
    /// and WAL (without the shared-memory index, so SQLite recovers from the WAL's checksums) holds
    /// every committed row. The second transaction spills pages into the WAL (an 8-page cache)
    /// and then changes them again, so SQLite overwrites its own frames and rewrites their
    /// checksums after writing the commit frame — those rewrites must reach the file too.
    @Test func aCopyOfTheFilesHoldsEveryCommitChecksumsIncluded() throws {
        let folder = try TemporaryDirectory(prefix: "batched-wal")
        defer { folder.remove() }
        let path = folder.path + "/b.sqlite"
        let queue = try walQueue(path, cachePages: 8)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
            for id in 0..<400 { try db.execute(sql: "INSERT INTO t VALUES (?, ?)", arguments: [id, String(repeating: "a", count: 300)]) }
        }
        let spilled = counters(queue)
        try queue.write { db in
            try db.execute(sql: "UPDATE t SET v = v || 'b'")
            try db.execute(sql: "UPDATE t SET v = v || 'c'")
        }
        #expect(counters(queue).requestedWrites - spilled.requestedWrites > 2 * 40, "the update spilled and committed frames")

        let copy = folder.path + "/copy"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: false)
        for suffix in ["", "-wal"] {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: copy + "/b.sqlite" + suffix)
        }
        let walBytes = try #require(try FileManager.default.attributesOfItem(atPath: copy + "/b.sqlite-wal")[.size] as? Int)
        #expect(walBytes > 40 * 4096, "the commits are in the WAL, not checkpointed")

        let recovered = try DatabaseQueue(path: copy + "/b.sqlite")
        let (integrity, rows, updated) = try recovered.read { db in
            (try String.fetchOne(db, sql: "PRAGMA integrity_check"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t WHERE v = ?", arguments: [String(repeating: "a", count: 300) + "bc"]))
        }
        #expect(integrity == "ok")
        #expect(rows == 400)
        #expect(updated == 400, "the second commit, with its rewritten frames, is in the copy")
        try recovered.close()
        try queue.close()
    }

    /// A store's writer goes through it: its commits ask for many writes and make few.
    @Test func theStoresWriterUsesIt() throws {
        let fixture = try StoreFixture()
        try fixture.network()
        let store = fixture.store
        let before = store.pool.writeWithoutTransaction { BatchedWAL.counters($0) }
        for _ in 0..<20 { _ = try fixture.eip() }
        let after = store.pool.writeWithoutTransaction { BatchedWAL.counters($0) }
        let requested = after.requestedWrites - before.requestedWrites
        let written = after.fileWrites - before.fileWrites
        #expect(requested >= 40, "\(requested)")
        #expect(written * 2 < requested, "\(written) file writes for \(requested) requested")
    }
}
