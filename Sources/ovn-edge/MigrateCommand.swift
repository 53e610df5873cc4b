import ArgumentParser
import EdgeStore
import Foundation

/// `ovn-edge migrate --data-dir DIR`: creates or upgrades the SQLite database. A database
/// written by a newer ovn-edge is refused (exit status 3) and left untouched.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or upgrade the SQLite database in the data folder."
    )

    @Option(help: "Data folder holding ovn-edge.sqlite. Env: OVN_EDGE_DATA_DIR. Default: ./.data")
    var dataDir: String?

    @Flag(help: "Only show applied and available migrations.")
    var status = false

    func run() throws {
        let dataDir = self.dataDir ?? ProcessInfo.processInfo.environment["OVN_EDGE_DATA_DIR"] ?? "./.data"
        try withStoreErrorsReported {
            let store = try Store.open(dataDirectory: dataDir)
            defer { try? store.close() }
            if status {
                let status = try store.migrationStatus()
                print("database: \(store.path)")
                print("applied: \(status.applied.isEmpty ? "none" : status.applied.joined(separator: ", "))")
                print("available: \(status.available.joined(separator: ", "))")
                print("pending: \(status.pending.isEmpty ? "none" : status.pending.joined(separator: ", "))")
                return
            }
            let applied = try store.migrate()
            let current = try store.migrationStatus().applied.last ?? "none"
            if applied.isEmpty {
                print("\(store.path): schema is current (\(current))")
            } else {
                print("\(store.path): applied \(applied.joined(separator: ", ")); schema is now \(current)")
            }
        }
    }
}

/// Opens the data folder's database and brings its schema up to date (what `serve` does first).
func openMigratedStore(dataDir: String) throws -> Store {
    try withStoreErrorsReported {
        let store = try Store.open(dataDirectory: dataDir)
        let applied = try store.migrate()
        if !applied.isEmpty { say("database \(store.path): applied migrations \(applied.joined(separator: ", "))") }
        return store
    }
}

/// Prints a store error as one line on stderr and exits: 3 for a database newer than this
/// binary, 1 otherwise.
func withStoreErrorsReported<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        FileHandle.standardError.write(Data("ovn-edge: \(error)\n".utf8))
        if case .databaseNewerThanBinary = error { throw ExitCode(3) }
        throw ExitCode(1)
    }
}
