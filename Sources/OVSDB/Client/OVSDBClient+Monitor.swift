import Foundation

extension OVSDBClient {
    static let dataMonitorID = "data"

    /// The columns the cache holds per table (from the connected schema; empty before).
    public var monitoredColumns: [String: [String]] { schema.map(monitoredColumns) ?? [:] }

    /// The columns requested per table (all the schema has unless configured).
    func monitoredColumns(_ schema: DatabaseSchema) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for table in configuration.monitoredTables {
            guard let tableSchema = schema[table.name] else { continue }
            out[table.name] = (table.columns ?? Array(tableSchema.columns.keys)).filter { tableSchema[$0] != nil }.sorted()
        }
        return out
    }

    /// Sends the data monitor, newest method first, and loads its reply into the cache on the
    /// I/O thread (before any update that follows it is handled).
    func startDataMonitor(_ session: RPCSession, schema: DatabaseSchema) async throws {
        let columns = monitoredColumns(schema)
        let missing = configuration.monitoredTables.map(\.name).filter { schema[$0] == nil }
        if !missing.isEmpty { logger.warning("tables not in the schema, not monitored: \(missing)") }
        let methods = MonitorMethod.allCases.drop(while: { $0 != configuration.preferredMonitorMethod })
        for method in methods {
            do {
                try await monitor(session, method: method, columns: columns)
                state.withLock { $0.monitorMethod = method }
                return
            } catch OVSDBError.server(_, let error) where error.kind == .unknownMethod {
                logger.info("server does not know \(method.rawValue); trying an older monitor")
            }
        }
        throw OVSDBError.protocolViolation("server accepts no monitor method")
    }

    private func monitor(_ session: RPCSession, method: MonitorMethod, columns: [String: [String]]) async throws {
        var requests: [String: JSON] = [:]
        for (table, names) in columns {
            let request: JSON = ["columns": .array(names.map(JSON.string))]
            requests[table] = method == .monitor ? request : .array([request])
        }
        var params: [JSON] = [.string(configuration.database), .string(Self.dataMonitorID), .object(requests)]
        let lastID = state.withLock { $0.lastTransactionID }
        if method == .monitorCondSince { params.append(.string((lastID ?? .zero).ovsdbString)) }
        let monitored = Array(columns.keys)
        let result: Result<JSON, OVSDBError> = await withCheckedContinuation { continuation in
            session.call(method.rawValue, params, timeout: configuration.monitorTimeout) { [self] result in
                // On the I/O thread: load the reply before any later update is handled.
                if case .success(let reply) = result {
                    loadMonitorReply(reply, method: method, columns: columns, monitored: monitored, session: session)
                }
                continuation.resume(returning: result)
            }
        }
        _ = try result.get()
    }

    private func loadMonitorReply(_ reply: JSON, method: MonitorMethod, columns: [String: [String]], monitored: [String],
                                  session: RPCSession) {
        let cause: CacheUpdate.Cause = cache.snapshot().isLoaded ? .resync : .initial
        switch method {
        case .monitorCondSince:
            guard let parts = reply.arrayValue, parts.count == 3 else { return }
            let found = parts[0].boolValue ?? false
            if let id = parts[1].stringValue.flatMap(UUID.init(ovsdb:)) {
                state.withLock { $0.lastTransactionID = id == .zero ? nil : id }
            }
            if found {
                state.withLock { $0.statistics.monitorResumes += 1 }
                applyUpdates(parts[2], notation: .v2, session: session)
            } else {
                replaceCache(with: parts[2], notation: .v2, cause: cause, columns: columns, monitored: monitored)
            }
        case .monitorCond:
            replaceCache(with: reply, notation: .v2, cause: cause, columns: columns, monitored: monitored)
        case .monitor:
            replaceCache(with: reply, notation: .v1, cause: cause, columns: columns, monitored: monitored)
        }
    }

    private func replaceCache(with payload: JSON, notation: TableUpdates.Notation, cause: CacheUpdate.Cause,
                              columns: [String: [String]], monitored: [String]) {
        state.withLock { $0.statistics.fullLoads += 1 }
        cache.apply(cause: cause) { tables, schema in
            TableUpdates.replace(with: payload, notation: notation, tables: &tables, schema: schema,
                                 columns: columns, monitored: monitored)
        }
    }

    /// Applies an update; if it does not fit the cache (a missed update), drops the session so
    /// the reconnect reloads everything.
    func applyUpdates(_ payload: JSON, notation: TableUpdates.Notation, session: RPCSession?) {
        let columns = state.withLock { $0.schema }.map(monitoredColumns) ?? [:]
        var inconsistencies = 0
        cache.apply(cause: .update) { tables, schema in
            TableUpdates.applyIncremental(payload, notation: notation, to: &tables, schema: schema, columns: columns,
                                          inconsistencies: &inconsistencies)
        }
        if inconsistencies > 0 {
            logger.warning("monitor update does not match the cache (\(inconsistencies) rows); reloading")
            state.withLock { $0.lastTransactionID = nil }
            session?.close(reason: "cache inconsistent")
        }
    }
}
