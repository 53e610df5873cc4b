@testable import EdgeStore
import Foundation
import GRDB
import Testing

/// `WALCheckpointer`: the store's writer no longer checkpoints inside its commits, yet the WAL is
/// copied back into the database file soon after it passes the limit, and started over.
@Suite struct WALCheckpointerTests {
    /// Pages of 4 KiB: one blob of 4,000 bytes is about a page.
    func fill(_ store: Store, pages: Int) throws {
        try store.pool.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS filler (v BLOB NOT NULL)")
            for _ in 0..<pages { try db.execute(sql: "INSERT INTO filler VALUES (randomblob(4000))") }
        }
    }

    func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    /// Polls up to 20 s (a loaded CI box) for `condition`.
    func eventually(_ condition: () throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try condition()
    }

    @Test func aCommitBelowTheLimitLeavesTheWALAlone() throws {
        let fixture = try StoreFixture()
        let path = fixture.store.path
        let databaseBefore = size(path)
        // More than SQLite's own automatic checkpoint (1,000 pages, on the committing connection)
        // would have let through before copying back when the commit returned.
        try fill(fixture.store, pages: 1_500)
        #expect(size(path) == databaseBefore)
        #expect(size(path + "-wal") > 1_500 * 4096)
        #expect(fixture.store.checkpointer.isIdle)
    }

    @Test func pastTheLimitTheWALIsCopiedBackAndStartedOver() async throws {
        let fixture = try StoreFixture()
        let path = fixture.store.path
        let checkpointer = fixture.store.checkpointer
        let pages = checkpointer.pageLimit + 500
        try fill(fixture.store, pages: pages)
        let copied = try await eventually { size(path) >= pages * 4000 && checkpointer.isIdle }
        #expect(copied, "database file \(size(path)) bytes: no checkpoint copied the WAL back")
        // Copied beside the writer: the commit that crossed the limit did not copy anything.
        #expect(checkpointer.counts.rounds >= 1 && checkpointer.counts.writerCheckpoints == 0)

        // The next write transaction after a complete checkpoint starts the WAL from its first
        // frame: a second round reuses the file instead of growing it to twice the size. Its
        // commit is a little larger than the whole first WAL, which the first round copied: it
        // must not be taken for that WAL's last frames, which the writer would copy itself.
        let walAfterFirst = size(path + "-wal")
        try fill(fixture.store, pages: pages + 100)
        #expect(size(path + "-wal") <= walAfterFirst + 200 * 4096, "the WAL grew from \(walAfterFirst) to \(size(path + "-wal")) bytes")
        #expect(checkpointer.counts.writerCheckpoints == 0)
        let rows = try fixture.store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM filler") }
        #expect(rows == 2 * pages + 100)
    }

    @Test func afterCloseTheWriterCheckpointsAndTheFilesReopen() throws {
        let fixture = try StoreFixture()
        let path = fixture.store.path
        let checkpointer = fixture.store.checkpointer
        try fill(fixture.store, pages: 100)
        checkpointer.close()
        // Past the limit with the checkpointer closed: the writer copies back before its commit
        // returns, as with SQLite's own checkpoint, and no round starts.
        let before = size(path)
        try fill(fixture.store, pages: checkpointer.pageLimit)
        #expect(size(path) > before + checkpointer.pageLimit * 3_000)
        #expect(checkpointer.counts.rounds == 0)
        try fixture.store.close()

        let reopened = try Store.open(path: path)
        defer { try? reopened.close() }
        let rows = try reopened.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM filler") }
        #expect(rows == 100 + checkpointer.pageLimit)
    }
}

/// Under a steady stream of small commits the background rounds never find the WAL complete (new
/// frames arrive while they copy), so the writer finishes the copy and the WAL starts over.
@Suite struct WALCheckpointerSteadyLoadTests {
    @Test func steadyCommitsKeepTheWALBounded() throws {
        let fixture = try StoreFixture { $0.checkpointPages = 100 }
        let store = fixture.store
        try store.pool.write { try $0.execute(sql: "CREATE TABLE filler (v BLOB NOT NULL)") }
        let commits = 3_000
        for _ in 0..<commits {
            try store.pool.write { db in
                try db.execute(sql: "INSERT INTO filler VALUES (randomblob(3000))")
                try db.execute(sql: "INSERT INTO filler VALUES (randomblob(3000))")
            }
        }
        // Thousands of pages went through the WAL; without the writer's share it held them all
        // (12,452 pages when tried). Past the hard limit by at most one commit.
        let walPages = WALCheckpointerTests().size(store.path + "-wal") / 4096
        #expect(walPages <= store.checkpointer.hardLimit + 10, "WAL of \(walPages) pages")
        #expect(WALCheckpointerTests().size(store.path) > commits * 2 * 3_000 / 2, "most rows are in the database file")
        #expect(store.checkpointer.counts.rounds >= 1 && store.checkpointer.counts.writerCheckpoints >= 1)
        let rows = try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM filler") }
        #expect(rows == 2 * commits)
    }
}
