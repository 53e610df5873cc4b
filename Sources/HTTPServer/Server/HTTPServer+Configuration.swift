import Foundation

extension HTTPServer {
    /// Everything the server needs to listen and to protect itself; the defaults suit the product.
    public struct Configuration: Sendable {
        /// Address to bind (an IPv4/IPv6 literal or a name); `127.0.0.1` by default.
        public var host: String
        /// Port to bind; 0 picks a free one (read it back from `HTTPServer.port`).
        public var port: Int
        public var backlog: Int32
        /// Serve HTTPS with these certificate and key files.
        public var tls: TLSConfiguration?
        /// Request line, header, body (default for routes without their own) and chunk limits.
        public var limits: HTTPParserLimits
        public var timeouts: Timeouts
        /// Connections beyond this are answered 503 and closed at once.
        public var maxConnections: Int
        /// Close a keep-alive connection after this many requests (nil: no limit).
        public var maxRequestsPerConnection: Int?
        /// Event loops (a thread each) that own sockets (≈ one per core).
        public var ioQueueCount: Int
        /// Threads of the pool handlers run on.
        public var handlerThreadCount: Int

        public init(
            host: String = "127.0.0.1", port: Int = 8080, backlog: Int32 = 1024, tls: TLSConfiguration? = nil,
            limits: HTTPParserLimits = HTTPParserLimits(), timeouts: Timeouts = Timeouts(),
            maxConnections: Int = 10_000, maxRequestsPerConnection: Int? = nil,
            ioQueueCount: Int = ProcessInfo.processInfo.activeProcessorCount,
            handlerThreadCount: Int = Swift.max(4, 2 * ProcessInfo.processInfo.activeProcessorCount)
        ) {
            self.host = host
            self.port = port
            self.backlog = backlog
            self.tls = tls
            self.limits = limits
            self.timeouts = timeouts
            self.maxConnections = maxConnections
            self.maxRequestsPerConnection = maxRequestsPerConnection
            self.ioQueueCount = Swift.max(1, ioQueueCount)
            self.handlerThreadCount = Swift.max(1, handlerThreadCount)
        }
    }
}
