import GRDB

/// Runs the embedded SQL files through GRDB's migrator, which records each in
/// `grdb_migrations` so it runs once. A file runs in one transaction: all of it or none.
struct SchemaMigrator {
    let migrations: [SchemaMigration]

    var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            let sql = migration.sql
            migrator.registerMigration(migration.name, foreignKeyChecks: .immediate) { db in
                try db.execute(sql: sql)
            }
        }
        return migrator
    }

    func status(_ db: Database) throws -> MigrationStatus {
        let applied = try db.tableExists("grdb_migrations")
            ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            : []
        return MigrationStatus(applied: applied, available: migrations.map(\.name))
    }

    /// Refuses a database that knows migrations this binary does not.
    func checkNotNewer(_ db: Database) throws {
        let status = try status(db)
        if !status.unknown.isEmpty {
            throw StoreError.databaseNewerThanBinary(unknownMigrations: status.unknown, binaryLatest: migrations.last?.name)
        }
    }
}
