import Foundation
import Logging
import TestSupport
import OVSDB

/// Helpers shared by the OVSDB tests.
enum TestClient {
    /// A started client, ready (connected and cache loaded), with fast reconnects.
    static func connect(_ remotes: String, tables: [MonitoredTable] = MonitoredTable.northboundEdge,
                        configure: (inout OVSDBClient.Configuration) -> Void = { _ in }) async throws -> OVSDBClient {
        var configuration = try OVSDBClient.Configuration(remotes: remotes, monitoredTables: tables)
        configuration.backoff = Backoff(initial: 0.05, maximum: 0.5)
        configuration.requestTimeout = 20
        var logger = Logger(label: "ovsdb-test")
        logger.logLevel = .warning
        configuration.logger = logger
        configure(&configuration)
        let client = OVSDBClient(configuration)
        client.start()
        do {
            try await client.waitUntilReady(timeout: 20)
        } catch {
            await client.stop()
            throw error
        }
        return client
    }

    /// Runs body with a ready client and always stops it.
    static func with<T>(_ remotes: String, tables: [MonitoredTable] = MonitoredTable.northboundEdge,
                        configure: (inout OVSDBClient.Configuration) -> Void = { _ in },
                        _ body: (OVSDBClient) async throws -> T) async throws -> T {
        let client = try await connect(remotes, tables: tables, configure: configure)
        do {
            let result = try await body(client)
            await client.stop()
            return result
        } catch {
            await client.stop()
            throw error
        }
    }

    /// The whole content of `tables` as the server has it now (a one-shot select per table).
    static func serverContent(_ client: OVSDBClient, tables: [String]) async throws -> [String: [UUID: Row]] {
        let reply = try await client.transact(tables.map { .select(table: $0, where: []) })
        let columns = client.monitoredColumns
        var out: [String: [UUID: Row]] = [:]
        for (index, table) in tables.enumerated() {
            var rows: [UUID: Row] = [:]
            for row in reply[index].selectedRows ?? [] {
                var row = row
                row.columns = row.columns.filter { columns[table]?.contains($0.key) ?? false }
                rows[row.uuid] = row
            }
            out[table] = rows
        }
        return out
    }

    static func cacheContent(_ client: OVSDBClient, tables: [String]) -> [String: [UUID: Row]] {
        let snapshot = client.cache.snapshot()
        return Dictionary(uniqueKeysWithValues: tables.map { ($0, snapshot[$0].rows) })
    }
}
