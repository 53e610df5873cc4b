import Foundation
import Logging

/// The ovn-edge OVSDB client: one logical connection to a database (following the cluster
/// leader across reconnects), a cache of the monitored tables, transactions, and locks.
///
/// ```swift
/// let client = OVSDBClient(try .init(remotes: "unix:/run/ovn/ovnnb_db.sock"))
/// client.start()
/// try await client.waitUntilReady(timeout: 30)
/// let nat = client.cache.snapshot()["NAT"].rows(withKey: "ovn-edge:owner")
/// let reply = try await client.transact(Transaction([...], assertLock: "ovn-edge"))
/// ```
public final class OVSDBClient: Sendable {
    public let configuration: Configuration
    /// The replica of `configuration.monitoredTables`.
    public let cache = OVSDBCache()
    let logger: Logger

    struct State {
        var session: RPCSession?
        /// A session still being set up (closed by `stop` too).
        var establishing: RPCSession?
        var ready = false
        var stopped = false
        var started = false
        var supervisor: Task<Void, Never>?
        var schema: DatabaseSchema?
        var serverDatabase: ServerDatabase?
        /// Last transaction id seen by the data monitor, for `monitor_cond_since`.
        var lastTransactionID: UUID?
        var monitorMethod: MonitorMethod?
        /// Highest Raft index seen, so the client never goes back to a staler server.
        var minIndex: Int?
        var remoteIndex = 0
        var locks: [String: LockState] = [:]
        var eventSubscribers: [Int: AsyncStream<ClientEvent>.Continuation] = [:]
        var nextSubscriber = 0
        var connectedRemote: Remote?
        var statistics = ClientStatistics()
    }
    let state = Locked(State())

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        self.logger = configuration.logger
    }

    deinit {
        let session = state.withLock { $0.session }
        session?.close()
    }

    // MARK: - Lifecycle

    /// Starts connecting (and reconnecting) in the background.
    public func start() {
        state.withLock { state in
            guard !state.started else { return }
            state.started = true
            state.supervisor = Task.detached { [self] in await self.supervise() }
        }
    }

    /// Closes the connection for good; waiting calls fail with `stopped`.
    public func stop() async {
        let (task, session, subscribers) = state.withLock { state in
            state.stopped = true
            state.ready = false
            let subscribers = Array(state.eventSubscribers.values)
            state.eventSubscribers.removeAll()
            return (state.supervisor, state.session ?? state.establishing, subscribers)
        }
        session?.close(reason: "client stopped")
        task?.cancel()
        await task?.value
        for subscriber in subscribers { subscriber.finish() }
    }

    /// Waits until connected with the cache loaded.
    public func waitUntilReady(timeout: Double) async throws {
        _ = try await readySession(timeout: timeout)
    }

    public var isReady: Bool { state.withLock { $0.ready && !($0.session?.isClosed ?? true) } }
    /// The connected server, while connected.
    public var connectedRemote: Remote? { state.withLock { $0.ready ? $0.connectedRemote : nil } }
    /// The schema of `configuration.database` on the server last connected to.
    public var schema: DatabaseSchema? { state.withLock { $0.schema } }
    /// What the connected NB schema supports (nil before the first connection).
    public var capabilities: NorthboundCapabilities? { schema.map(NorthboundCapabilities.init(schema:)) }
    /// The `_Server.Database` row of the connected server (model, leader, index).
    public var serverDatabase: ServerDatabase? { state.withLock { $0.serverDatabase } }
    /// The monitor method the server accepted last.
    public var monitorMethod: MonitorMethod? { state.withLock { $0.monitorMethod } }
    /// How many times a connection was established.
    public var connectionCount: Int { state.withLock { $0.statistics.connections } }
    public var statistics: ClientStatistics { state.withLock { $0.statistics } }

    /// Connection and lock events from now on (unbounded buffer).
    public func events() -> AsyncStream<ClientEvent> {
        let (stream, continuation) = AsyncStream<ClientEvent>.makeStream(bufferingPolicy: .unbounded)
        let token: Int? = state.withLock { state in
            guard !state.stopped else { return nil }
            let token = state.nextSubscriber
            state.nextSubscriber += 1
            state.eventSubscribers[token] = continuation
            return token
        }
        guard let token else { continuation.finish(); return stream }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { $0.eventSubscribers[token] = nil }
        }
        return stream
    }

    func emit(_ event: ClientEvent) {
        let subscribers = state.withLock { Array($0.eventSubscribers.values) }
        for subscriber in subscribers { subscriber.yield(event) }
    }

    // MARK: - Requests

    /// The session once connected and loaded, polling until `deadline`. Time the waiter was
    /// kept from running (a 10 ms sleep that returned much later: a starved cooperative pool)
    /// moves `deadline` on, by at most the wait it was given: the connection is set up by tasks
    /// of the same pool, starved just as long, so that time says little about the server — but
    /// a caller still gets an answer within twice its timeout. The caller goes on with the moved
    /// deadline (a transaction sent past its own would get a timeout of a millisecond and fail
    /// while NB commits it).
    func readySession(deadline: inout Date) async throws -> RPCSession {
        var allowance = max(0, deadline.timeIntervalSinceNow)
        while true {
            let (session, stopped) = state.withLock { ($0.ready ? $0.session : nil, $0.stopped) }
            if stopped { throw OVSDBError.stopped }
            if let session, !session.isClosed { return session }
            let now = Date()
            if now >= deadline { throw OVSDBError.notConnected }
            try? await Task.sleep(nanoseconds: 10_000_000)
            let overslept = Date().timeIntervalSince(now) - 0.01
            if overslept > 0.25 {
                let moved = min(overslept, allowance)
                deadline += moved
                allowance -= moved
            }
        }
    }

    /// `readySession` for a caller with no deadline of its own beyond this wait.
    func readySession(timeout: Double) async throws -> RPCSession {
        var deadline = Date().addingTimeInterval(timeout)
        return try await readySession(deadline: &deadline)
    }

    /// Any JSON-RPC method, on the current connection.
    public func call(_ method: String, _ params: [JSON], timeout: Double? = nil) async throws -> JSON {
        let timeout = timeout ?? configuration.requestTimeout
        let session = try await readySession(timeout: timeout)
        return try await session.call(method, params, timeout: timeout)
    }

    public func listDatabases() async throws -> [String] {
        let result = try await call("list_dbs", [])
        return (result.arrayValue ?? []).compactMap(\.stringValue)
    }

    public func getSchema(_ database: String? = nil) async throws -> DatabaseSchema {
        try DatabaseSchema(json: try await call("get_schema", [.string(database ?? configuration.database)]))
    }

    public func echo(_ params: [JSON] = []) async throws -> [JSON] {
        try await call("echo", params).arrayValue ?? []
    }
}
