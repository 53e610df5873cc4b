extension HTTPServer {
    /// Deadlines against slow or idle clients (none of the peers we measured has them by default).
    public struct Timeouts: Sendable {
        /// From a request's first byte (or the accept, or the TLS handshake) to the end of its head.
        public var headerRead: Duration
        /// Longest pause between body bytes.
        public var bodyIdle: Duration
        /// Longest wait for the next request on a kept-alive connection.
        public var keepAliveIdle: Duration
        /// Longest stall of a response write (a client that stopped reading).
        public var writeIdle: Duration
        /// How long to drain input after the last response before closing (lingering close).
        public var linger: Duration

        public init(
            headerRead: Duration = .seconds(10), bodyIdle: Duration = .seconds(10), keepAliveIdle: Duration = .seconds(30),
            writeIdle: Duration = .seconds(30), linger: Duration = .seconds(2)
        ) {
            self.headerRead = headerRead
            self.bodyIdle = bodyIdle
            self.keepAliveIdle = keepAliveIdle
            self.writeIdle = writeIdle
            self.linger = linger
        }

        var shortest: Duration { [headerRead, bodyIdle, keepAliveIdle, writeIdle, linger].min()! }
    }
}
