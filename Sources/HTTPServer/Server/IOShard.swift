import Dispatch

/// One serial I/O queue with the connections it owns, a read buffer they share and a sweep timer
/// that enforces their deadlines (cheaper than a timer per connection).
final class IOShard: @unchecked Sendable {
    // Safe: `connections`, `readBuffer`, `date`, `requestIDs` and `timer` are only touched on
    // `queue` (sources of this shard's connections target it; others hop with `queue.async`).
    let queue: DispatchQueue
    let readBuffer: UnsafeMutableRawBufferPointer
    /// Runs inline routes' handlers on `queue` (see `InlineExecutor`).
    let inline: InlineExecutor
    var connections: [ObjectIdentifier: Connection] = [:]
    var date = HTTPDate()
    var requestIDs = RequestIDGenerator()
    private var timer: DispatchSourceTimer?

    init(index: Int, pool: HandlerExecutor) {
        inline = InlineExecutor(pool: pool)
        queue = DispatchQueue(label: "ovn-edge.http.io-\(index)")
        readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    }

    deinit { readBuffer.deallocate() }

    func startSweeping(every interval: Duration) {
        let nanoseconds = Int(interval.nanoseconds)
        queue.async { [self] in
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + .nanoseconds(nanoseconds), repeating: .nanoseconds(nanoseconds), leeway: .nanoseconds(nanoseconds / 4))
            timer.setEventHandler { [weak self] in self?.sweep() }
            timer.resume()
            self.timer = timer
        }
    }

    func stopSweeping() {
        queue.async { [self] in
            timer?.cancel()
            timer = nil
        }
    }

    private func sweep() {
        let now = DispatchTime.now().uptimeNanoseconds
        for connection in connections.values where connection.deadline != 0 && connection.deadline <= now {
            connection.deadlineExpired()
        }
    }
}
