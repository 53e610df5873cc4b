/// One SQL file of `migrations/`, embedded at build time (see Plugins/MigrationsPlugin).
public struct SchemaMigration: Hashable, Sendable {
    /// The file name without ".sql", e.g. "0001_initial"; what the database records.
    public let name: String
    /// The leading number of the name.
    public let version: Int
    public let sql: String

    init(name: String, sql: String) {
        self.name = name
        self.version = Int(name.prefix(4)) ?? 0
        self.sql = sql
    }

    /// Every migration this binary carries, in order.
    public static let all: [SchemaMigration] = embeddedMigrationFiles.map { SchemaMigration(name: $0.name, sql: $0.sql) }
}
