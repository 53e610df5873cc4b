@testable import EdgeStore
import GRDB
import GRDBSQLite
import Testing

/// SQLite settings the store sets for speed (see `Store.open` and `batched_wal.c`).
@Suite struct ConnectionSettingsTests {
    @Test func secureDeleteIsOffOnEveryConnection() throws {
        let fixture = try StoreFixture()
        #expect(try fixture.store.pool.write { try Int.fetchOne($0, sql: "PRAGMA secure_delete") } == 0)
        #expect(try fixture.store.pool.read { try Int.fetchOne($0, sql: "PRAGMA secure_delete") } == 0)
    }

    /// SQLite keeps no memory statistics (set as the program loads): with them on, the memory
    /// an open store's connections hold would be counted.
    @Test func memoryStatisticsAreOff() throws {
        let fixture = try StoreFixture()
        try fixture.store.pool.write { db in try db.execute(sql: "CREATE TABLE filler (v BLOB); INSERT INTO filler VALUES (randomblob(100000))") }
        #expect(sqlite3_memory_used() == 0)
    }
}
