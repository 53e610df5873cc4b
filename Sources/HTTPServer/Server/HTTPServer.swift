import Dispatch
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// The product's HTTP/1.1 server: non-blocking sockets on a few epoll loops (a thread each),
/// handlers on a bounded pool of its own threads, optional TLS through OpenSSL.
///
///     let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), router: router)
///     try server.start()
///     server.shutdownOnSignals()           // SIGTERM/SIGINT → graceful shutdown
///     await server.waitUntilStopped()
public final class HTTPServer: Sendable {
    public let configuration: Configuration
    let router: PreparedRouter
    let logger: Logger
    let state = Locked(ServerState())

    public init(configuration: Configuration = Configuration(), router: Router, logger: Logger = Logger(label: "ovn-edge.http")) {
        self.configuration = configuration
        self.router = PreparedRouter(router)
        self.logger = logger
    }

    /// The bound port (useful with port 0); 0 before `start()`.
    public var port: Int { state.current.port }

    /// Binds, listens and starts accepting. Throws when the address or the TLS files are unusable.
    public func start() throws(HTTPServerError) {
        if state.current.started { throw .alreadyStarted }
        // OpenSSL writes to the socket itself and cannot pass MSG_NOSIGNAL.
        signal(SIGPIPE, SIG_IGN)
        let tls = try configuration.tls.map { configuration throws(HTTPServerError) in try TLSContext(configuration) }
        let (fd, port) = try ListeningSocket.open(host: configuration.host, port: configuration.port, backlog: configuration.backlog)
        let core = ServerCore(configuration: configuration, router: router, logger: logger, tls: tls)
        var shards: [IOShard] = []
        do {
            for index in 0..<configuration.ioQueueCount { shards.append(try IOShard(index: index, pool: core.executor)) }
        } catch {
            shards.forEach { $0.stop() }
            core.executor.stop()
            close(fd)
            throw error
        }
        let sweep = Swift.min(Swift.max(configuration.timeouts.shortest / 4, .milliseconds(10)), .seconds(1))
        shards.forEach { $0.startSweeping(every: sweep) }
        let acceptor = Acceptor(fd: fd, core: core, shards: shards)
        state.withLock { state in
            state.started = true
            state.port = port
            state.core = core
            state.shards = shards
            state.acceptor = acceptor
        }
        acceptor.start()
        logger.info("listening", metadata: ["address": "\(configuration.host):\(port)", "tls": "\(tls != nil)"])
    }

    /// Graceful shutdown: stop accepting, close idle connections, let in-flight requests finish
    /// (their responses carry `Connection: close`) until `deadline`, then close whatever is left.
    public func shutdown(deadline: Duration = .seconds(10)) async {
        let (first, core, shards, acceptor) = state.withLock { state in
            let first = state.started && !state.stopping
            state.stopping = true
            // Raised together with `stopping`: a response finished after `isShuttingDown`
            // turned true must already see the flag and say `Connection: close`.
            state.core?.shuttingDown.withLock { $0 = true }
            return (first, state.core, state.shards, state.acceptor)
        }
        guard first, let core, let acceptor else {
            await waitUntilStopped()
            return
        }
        acceptor.stop()
        for shard in shards {
            shard.loop.execute { shard.connections.values.forEach { $0.beginShutdown() } }
        }
        let clock = ContinuousClock()
        let end = clock.now + deadline
        while core.connectionCount.current > 0 && clock.now < end {
            try? await Task.sleep(for: .milliseconds(10))
        }
        if core.connectionCount.current > 0 {
            logger.warning("shutdown deadline passed; closing connections", metadata: ["open": "\(core.connectionCount.current)"])
            for shard in shards {
                shard.loop.execute { shard.connections.values.forEach { $0.closeNow() } }
            }
            let hardEnd = clock.now + .seconds(2)
            while core.connectionCount.current > 0 && clock.now < hardEnd {
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
        shards.forEach { $0.stop() }
        for shard in shards { await shard.loop.waitUntilExited() }
        core.executor.stop()
        let waiters = state.withLock { state in
            state.stopped = true
            state.signalTokens.forEach(SignalRelay.remove)
            state.signalTokens.removeAll()
            defer { state.stopWaiters.removeAll() }
            return state.stopWaiters
        }
        waiters.forEach { $0.resume() }
        logger.info("stopped")
    }

    /// Returns once `shutdown` finished (immediately if the server was never started).
    public func waitUntilStopped() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state in
                if state.stopped || !state.started { return true }
                state.stopWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// True once `shutdown` began (e.g. for `/readyz` to answer 503 while draining).
    public var isShuttingDown: Bool { state.current.stopping }

    /// Number of open client connections.
    public var connectionCount: Int { state.current.core?.connectionCount.current ?? 0 }
}
