import Logging

/// What every connection shares: configuration, routes, the handler pool and server-wide counters.
final class ServerCore: Sendable {
    let configuration: HTTPServer.Configuration
    let router: PreparedRouter
    let executor: HandlerExecutor
    let logger: Logger
    let tls: TLSContext?
    let connectionCount = Locked(0)
    let shuttingDown = Locked(false)

    init(configuration: HTTPServer.Configuration, router: PreparedRouter, logger: Logger, tls: TLSContext?) {
        self.configuration = configuration
        self.router = router
        self.logger = logger
        self.tls = tls
        self.executor = HandlerExecutor(threads: configuration.handlerThreadCount, name: "ovn-edge.http.handler")
    }

    var isShuttingDown: Bool { shuttingDown.current }

    /// Reserves a connection slot; false when the cap is reached.
    func reserveConnection() -> Bool {
        connectionCount.withLock { count in
            guard count < configuration.maxConnections else { return false }
            count += 1
            return true
        }
    }

    func releaseConnection() {
        connectionCount.withLock { $0 -= 1 }
    }
}
