import EdgeStore
import Foundation
import GRDB
import Testing
import TestSupport

/// The deployment id: made once by migration 0004, the same on every later open, different for
/// every new database, refused before the migration ran.
@Suite struct DeploymentTests {
    @Test func madeOnceAndKeptAcrossReopens() throws {
        let folder = try TemporaryDirectory(prefix: "dep")
        defer { folder.remove() }
        let store = try Store.open(dataDirectory: folder.path)
        try store.migrate()
        let id = try store.deploymentID()
        #expect(try store.deploymentID() == id)
        try store.close()
        let again = try Store.open(dataDirectory: folder.path)
        defer { try? again.close() }
        #expect(try again.migrate() == [])
        #expect(try again.deploymentID() == id)
    }

    @Test func everyNewDatabaseIsANewDeploymentWithAVersion4UUID() throws {
        var seen = Set<UUID>()
        for _ in 0..<5 {
            let folder = try TemporaryDirectory(prefix: "dep")
            defer { folder.remove() }
            let store = try Store.open(dataDirectory: folder.path)
            try store.migrate()
            let id = try store.deploymentID()
            try store.close()
            let text = id.uuidString.lowercased()
            #expect(Array(text)[14] == "4" && "89ab".contains(Array(text)[19]), "not a version 4 UUID: \(text)")
            seen.insert(id)
            // The table holds exactly that one row and refuses a second.
            let queue = try DatabaseQueue(path: folder.path + "/" + Store.fileName)
            #expect(try queue.read { db in try String.fetchAll(db, sql: "SELECT id FROM deployment") } == [text])
            #expect(throws: DatabaseError.self) {
                try queue.write { db in try db.execute(sql: "INSERT INTO deployment (singleton, id, created_at) VALUES (2, 'x', 'now')") }
            }
            try queue.close()
        }
        #expect(seen.count == 5)
    }

    @Test func aDatabaseBeforeMigration0004HasNoDeployment() throws {
        let folder = try TemporaryDirectory(prefix: "dep")
        defer { folder.remove() }
        let store = try Store.open(dataDirectory: folder.path)
        defer { try? store.close() }
        #expect(throws: StoreError.migrationRequired(pending: Store.availableMigrations.map(\.name))) { try store.deploymentID() }
    }
}
