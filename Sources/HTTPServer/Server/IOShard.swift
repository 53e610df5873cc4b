/// One event loop with the connections it owns, a read buffer they share and a periodic sweep
/// that enforces their deadlines (cheaper than a timer per connection).
final class IOShard: @unchecked Sendable {
    // Safe: `connections`, `readBuffer`, `date` and `requestIDs` are only touched on the loop's
    // thread (events of this shard's connections are handled there; others hop with `execute`).
    let loop: EventLoop
    let readBuffer: UnsafeMutableRawBufferPointer
    /// Runs inline routes' handlers on the loop's thread (see `InlineExecutor`).
    let inline: InlineExecutor
    var connections: [ObjectIdentifier: Connection] = [:]
    var date = HTTPDate()
    var requestIDs = RequestIDGenerator()

    init(index: Int, pool: HandlerExecutor) throws(HTTPServerError) {
        loop = try EventLoop(name: "ovn-edge.http.io-\(index)")
        inline = InlineExecutor(pool: pool)
        readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    }

    deinit { readBuffer.deallocate() }

    func startSweeping(every interval: Duration) {
        loop.execute { [self] in
            loop.startTicking(every: interval) { [weak self] in self?.sweep() }
        }
    }

    /// Ends the sweep and the loop's thread (after the jobs already queued).
    func stop() {
        loop.stop()
    }

    private func sweep() {
        let now = EventLoop.now()
        for connection in connections.values where connection.deadline != 0 && connection.deadline <= now {
            connection.deadlineExpired()
        }
    }
}
