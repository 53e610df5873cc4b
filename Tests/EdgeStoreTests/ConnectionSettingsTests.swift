@testable import EdgeStore
import GRDB
import Testing

/// SQLite settings the store sets for speed (see `Store.open`).
@Suite struct ConnectionSettingsTests {
    @Test func secureDeleteIsOffOnEveryConnection() throws {
        let fixture = try StoreFixture()
        #expect(try fixture.store.pool.write { try Int.fetchOne($0, sql: "PRAGMA secure_delete") } == 0)
        #expect(try fixture.store.pool.read { try Int.fetchOne($0, sql: "PRAGMA secure_delete") } == 0)
    }
}
