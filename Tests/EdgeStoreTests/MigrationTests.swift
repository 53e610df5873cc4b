import EdgeCore
import EdgeStore
import Foundation
import GRDB
import Testing
import TestSupport

@Suite struct MigrationTests {
    @Test func binaryCarriesTheMigrationsFolder() throws {
        #expect(Store.availableMigrations.map(\.name) == ["0001_initial", "0002_api_tokens", "0003_node_gateways", "0004_deployment"])
        #expect(Store.availableMigrations.allSatisfy { $0.sql.contains("CREATE TABLE") })
        // The embedded SQL is the file itself, byte for byte.
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("migrations/0001_initial.sql")
        #expect(try String(contentsOf: file, encoding: .utf8) == Store.availableMigrations[0].sql)
    }

    @Test func migratesFromEmptyAndAgainIsANoOp() throws {
        let folder = try TemporaryDirectory(prefix: "mig")
        defer { folder.remove() }
        let store = try Store.open(dataDirectory: folder.path)
        let all = ["0001_initial", "0002_api_tokens", "0003_node_gateways", "0004_deployment"]
        #expect(try store.migrationStatus().pending == all)
        #expect(throws: StoreError.migrationRequired(pending: all)) { try store.requireCurrentSchema() }
        #expect(try store.migrate() == all)
        #expect(try store.migrate() == [])
        let status = try store.migrationStatus()
        #expect(status.applied == all && status.isCurrent && status.appliedVersion == 4)
        try store.requireCurrentSchema()
        try store.close()
        // Re-opened later, still current; nothing re-runs.
        let again = try Store.open(dataDirectory: folder.path)
        #expect(try again.migrate() == [])
        try again.close()
    }

    /// Every earlier version: each prefix of the migration list, then the rest.
    @Test func migratesFromEveryEarlierVersion() throws {
        let all = Store.availableMigrations
        for applied in 0..<all.count {
            let folder = try TemporaryDirectory(prefix: "mig")
            defer { folder.remove() }
            let path = folder.path + "/" + Store.fileName
            let queue = try DatabaseQueue(path: path)
            var migrator = DatabaseMigrator()
            for migration in all.prefix(applied) {
                migrator.registerMigration(migration.name) { db in try db.execute(sql: migration.sql) }
            }
            try migrator.migrate(queue)
            try queue.close()
            let store = try Store.open(path: path)
            #expect(try store.migrate() == all.dropFirst(applied).map(\.name))
            try store.requireCurrentSchema()
            try store.close()
        }
    }

    /// 0003 gives EIPs a usage: those router gateways hold become `router-gateway`, unless NAT
    /// rules use them too (a mix version 2 allowed), which stay `nat` like every other EIP.
    @Test func usageIsBackfilledFromRouterGateways() throws {
        let folder = try TemporaryDirectory(prefix: "mig")
        defer { folder.remove() }
        let path = folder.path + "/" + Store.fileName
        let queue = try DatabaseQueue(path: path)
        var migrator = DatabaseMigrator()
        for migration in Store.availableMigrations.prefix(2) {
            migrator.registerMigration(migration.name) { db in try db.execute(sql: migration.sql) }
        }
        try migrator.migrate(queue)
        let now = "2026-11-21 08:00:00.000"
        let id = { UUID().uuidString.lowercased() }
        let (network, gatewayOnly, mixed, natOnly) = (id(), id(), id(), id())
        try queue.write { db in
            try db.execute(sql: "INSERT INTO external_networks (id, name, created_at, updated_at, cidr_v4) VALUES (?, 'ext', ?, ?, '172.19.0.0/16')",
                           arguments: [network, now, now])
            for (index, eip) in [gatewayOnly, mixed, natOnly].enumerated() {
                try db.execute(sql: "INSERT INTO eips (id, created_at, updated_at, network_id, ip_v4, mac) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [eip, now, now, network, "172.19.0.\(index + 10)", "02:00:00:00:00:0\(index + 1)"])
            }
            for (router, eip) in [("r1", gatewayOnly), ("r2", mixed)] {
                try db.execute(sql: "INSERT INTO router_gateways (id, created_at, updated_at, router, network_id, eip_id) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [id(), now, now, router, network, eip])
            }
            for eip in [mixed, natOnly] {
                try db.execute(sql: "INSERT INTO snat_rules (id, created_at, updated_at, eip_id, router, internal_cidr) VALUES (?, ?, ?, ?, 'r2', ?)",
                               arguments: [id(), now, now, eip, eip == mixed ? "10.0.0.0/24" : "10.0.1.0/24"])
            }
        }
        try queue.close()
        let store = try Store.open(path: path)
        defer { try? store.close() }
        #expect(try store.migrate() == ["0003_node_gateways", "0004_deployment"])
        let usages = Dictionary(uniqueKeysWithValues: try store.eips.list().items.map { ($0.id.uuidString.lowercased(), $0.spec.usage) })
        #expect(usages == [gatewayOnly: .routerGateway, mixed: .nat, natOnly: .nat])
        // The schema refuses a usage it does not know.
        let raw = try DatabaseQueue(path: path)
        defer { try? raw.close() }
        #expect(throws: DatabaseError.self) { try raw.write { db in try db.execute(sql: "UPDATE eips SET usage = 'vip'") } }
    }

    @Test func refusesADatabaseFromANewerBinary() throws {
        let folder = try TemporaryDirectory(prefix: "mig")
        defer { folder.remove() }
        let store = try Store.open(dataDirectory: folder.path)
        try store.migrate()
        try store.close()
        let queue = try DatabaseQueue(path: folder.path + "/" + Store.fileName)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('0099_from_the_future')") }
        try queue.close()
        let expected = StoreError.databaseNewerThanBinary(unknownMigrations: ["0099_from_the_future"], binaryLatest: "0004_deployment")
        #expect(throws: expected) { try Store.open(dataDirectory: folder.path) }
        #expect(expected.code == "database-newer-than-binary")
        #expect(expected.description.contains("newer ovn-edge"))
    }

    @Test func opensWithWALForeignKeysAndBusyTimeout() throws {
        let fixture = try StoreFixture()
        let queue = try DatabaseQueue(path: fixture.store.path)
        defer { try? queue.close() }
        try queue.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            for table in ["external_networks", "eips", "router_gateways", "node_gateways", "fips", "snat_rules", "dnat_rules", "mirrors", "mirror_ports",
                          "ip_allocations", "change_log", "idempotency_keys"] {
                #expect(tables.contains(table), "missing \(table)")
            }
        }
        // Foreign keys are on in the store's own connections: a dangling EIP row is rejected.
        try fixture.network()
        #expect(throws: StoreError.notFound(kind: .externalNetwork, reference: "nope", field: "network")) { try fixture.eip("nope") }
    }

    @Test func migrateCommandCreatesAndRefusesNewerDatabases() throws {
        let folder = try TemporaryDirectory(prefix: "mig")
        defer { folder.remove() }
        let binary = ProcessRunner.ovnEdgeBinary()
        let first = try ProcessRunner.result(binary, ["migrate", "--data-dir", folder.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("applied 0001_initial"))
        let second = try ProcessRunner.result(binary, ["migrate", "--data-dir", folder.path])
        #expect(second.status == 0 && second.stdout.contains("schema is current"))
        let queue = try DatabaseQueue(path: folder.path + "/" + Store.fileName)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('0099_newer')") }
        try queue.close()
        let refused = try ProcessRunner.result(binary, ["migrate", "--data-dir", folder.path])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("0099_newer") && refused.stderr.contains("newer ovn-edge"))
    }
}
