import Foundation

extension OVSDBClient {
    /// Connects, serves until the connection drops, reconnects: the remotes are tried in turn,
    /// and after a full round without success the client sleeps with capped exponential backoff.
    func supervise() async {
        let remotes = configuration.remotes
        var failedAttempts = 0
        while !Task.isCancelled && !state.withLock({ $0.stopped }) {
            let remote = state.withLock { remotes[$0.remoteIndex % remotes.count] }
            do {
                let session = try await establish(remote)
                failedAttempts = 0
                let reason = await session.waitUntilClosed()
                handleDisconnect(reason: reason)
                if reason == Self.leadershipMoved { state.withLock { $0.remoteIndex += 1 } }
            } catch {
                logger.info("cannot use \(remote): \(error)")
                state.withLock { $0.remoteIndex += 1 }
                failedAttempts += 1
                if failedAttempts % remotes.count == 0 {
                    let delay = configuration.backoff.delay(round: failedAttempts / remotes.count)
                    try? await Task.sleep(nanoseconds: UInt64(delay * 1e9))
                }
            }
        }
    }

    static let leadershipMoved = "cluster leadership moved"

    private func handleDisconnect(reason: String) {
        let lost: [String] = state.withLock { state in
            state.ready = false
            state.session = nil
            var lost: [String] = []
            for (name, lockState) in state.locks where lockState == .held {
                state.locks[name] = .waiting
                lost.append(name)
            }
            return lost
        }
        logger.info("disconnected: \(reason)")
        emit(.disconnected(reason: reason))
        for name in lost { emit(.lockLost(name)) }
    }

    /// Opens a session and brings it to "ready": change awareness, the `_Server` check, the
    /// schema, the data monitor (cache loaded) and the locks re-requested.
    private func establish(_ remote: Remote) async throws -> RPCSession {
        let session = try await RPCSession.open(remote, tls: configuration.tls, connectTimeout: configuration.connectTimeout,
                                                probeInterval: remote.needsProbes ? configuration.inactivityProbe : nil,
                                                logger: logger)
        let stopped = state.withLock { state -> Bool in
            state.establishing = session
            return state.stopped
        }
        defer { state.withLock { if $0.establishing === session { $0.establishing = nil } } }
        do {
            if stopped { throw OVSDBError.stopped }
            session.setNotificationHandler { [weak self, weak session] method, params in
                guard let self, let session else { return }
                self.handleNotification(method, params, session: session)
            }
            let timeout = configuration.requestTimeout
            _ = try? await session.call("set_db_change_aware", [true], timeout: timeout)
            _ = try await checkServer(session)
            // Always ask: `_Server.Database.schema` lags behind an online conversion.
            let schema = try DatabaseSchema(json: try await session.call("get_schema", [.string(configuration.database)], timeout: timeout))
            state.withLock { $0.schema = schema }
            cache.setSchema(schema)
            if !configuration.monitoredTables.isEmpty { try await startDataMonitor(session, schema: schema) }
            let locks = try state.withLock { state in
                if state.stopped { throw OVSDBError.stopped }
                state.session = session
                state.connectedRemote = remote
                state.ready = true
                state.statistics.connections += 1
                return state.locks.filter { $0.value != .notRequested }.map(\.key)
            }
            logger.info("connected to \(remote) (\(configuration.database) \(schema.version?.description ?? "?"))")
            emit(.connected(remote))
            for name in locks { requestLock(name, method: "lock", session: session) }
            if session.isClosed { throw OVSDBError.connectionLost(reason: "closed during setup") }
            return session
        } catch {
            session.close(reason: "setup failed: \(error)")
            throw error
        }
    }

    /// Reads our database's `_Server.Database` row and keeps watching it; rejects a server that
    /// is not a usable cluster member (not joined, disconnected, not leader, stale).
    private func checkServer(_ session: RPCSession) async throws -> ServerDatabase? {
        let columns: [JSON] = ["name", "model", "connected", "leader", "index", "sid", "cid", "schema"]
        let request: JSON = ["Database": [["columns": .array(columns)]]]
        let reply: JSON
        do {
            reply = try await session.call("monitor_cond", ["_Server", "_Server", request], timeout: configuration.requestTimeout)
        } catch OVSDBError.server(_, let error) where error.kind == .unknownDatabase || error.kind == .unknownMethod {
            return nil // an old server without _Server: nothing to check
        }
        let rows = Self.serverRows(reply)
        guard let row = rows.first(where: { $0.name == configuration.database }) else {
            throw OVSDBError.server(method: "monitor_cond", ServerError(error: "unknown database", details: "\(configuration.database) not on this server"))
        }
        let minIndex = state.withLock { $0.minIndex }
        if let reason = row.rejection(leaderOnly: configuration.leaderOnly, minIndex: minIndex) {
            throw row.model == .clustered && reason.contains("leader") ? OVSDBError.notLeader(remote: session.remote.description)
                : OVSDBError.connectFailed(remote: session.remote.description, reason: reason)
        }
        state.withLock { state in
            state.serverDatabase = row
            if let index = row.index { state.minIndex = max(state.minIndex ?? 0, index) }
        }
        return row
    }

    static func serverRows(_ updates: JSON) -> [ServerDatabase] {
        guard let rows = updates["Database"]?.objectValue else { return [] }
        return rows.compactMap { uuidText, update in
            guard let object = (update["initial"] ?? update["insert"])?.objectValue else { return nil }
            return ServerDatabase(row: Row(json: object, table: nil, uuid: UUID(ovsdb: uuidText)))
        }
    }

    /// A `_Server` update while connected: follow the leader by reconnecting when ours stops
    /// being usable.
    func handleServerUpdate(_ updates: JSON, session: RPCSession) {
        guard let rows = updates["Database"]?.objectValue else { return }
        for (_, update) in rows {
            guard let diff = (update["modify"] ?? update["initial"] ?? update["insert"])?.objectValue else { continue }
            let verdict: String? = state.withLock { state in
                guard var db = state.serverDatabase else { return nil }
                if let name = diff["name"]?.stringValue, name != db.name { return nil }
                if let v = diff["leader"]?.boolValue { db.leader = v }
                if let v = diff["connected"]?.boolValue { db.connected = v }
                if let v = diff["index"].flatMap({ Atom(json: $0)?.integer ?? Value(json: $0)?.integer }) {
                    db.index = v
                    state.minIndex = max(state.minIndex ?? 0, v)
                }
                state.serverDatabase = db
                return db.rejection(leaderOnly: configuration.leaderOnly, minIndex: nil)
            }
            if let verdict {
                logger.info("\(session.remote): \(verdict); reconnecting")
                session.close(reason: Self.leadershipMoved)
            }
        }
    }

    /// Notifications, on the session's I/O thread.
    func handleNotification(_ method: String, _ params: [JSON], session: RPCSession) {
        switch method {
        case "update3", "update2", "update":
            guard let monitorID = params.first?.stringValue else { return }
            if monitorID == "_Server" {
                if params.count >= 2 { handleServerUpdate(params[params.count - 1], session: session) }
                return
            }
            guard monitorID == Self.dataMonitorID else { return }
            if method == "update3", params.count >= 3 {
                if let id = params[1].stringValue.flatMap(UUID.init(ovsdb:)) { state.withLock { $0.lastTransactionID = id } }
                applyUpdates(params[2], notation: .v2, session: session)
            } else if params.count >= 2 {
                applyUpdates(params[1], notation: method == "update" ? .v1 : .v2, session: session)
            }
        case "locked", "stolen":
            guard let name = params.first?.stringValue else { return }
            let changed = state.withLock { state -> Bool in
                guard state.locks[name] != nil, state.locks[name] != .notRequested else { return false }
                state.locks[name] = method == "locked" ? .held : .waiting
                return true
            }
            if changed { emit(method == "locked" ? .lockAcquired(name) : .lockStolen(name)) }
        case "monitor_canceled":
            // The database was converted or removed: start over with the new schema.
            session.close(reason: "monitor canceled by server")
        default:
            break
        }
    }
}
