import CLinuxEvents
#if canImport(Glibc)
import Glibc
#endif

/// One client connection: its epoll registration, parser, output buffer and state machine.
///
/// The object is confined to its shard's event-loop thread: its events are handled there and
/// handler tasks hop back to it with `loop.execute` before touching anything.
final class Connection: EventHandler, @unchecked Sendable {
    // Safe: every mutable property below is only read or written on the thread of `shard.loop`
    // (see above).
    let fd: Int32
    let shard: IOShard
    let core: ServerCore
    let transport: any Transport
    let remoteAddress: String
    /// Nil before `start()` and once closed.
    var registration: EventRegistration?
    var readSuspended = false
    var writeArmed = false
    var parser: HTTPParser
    var phase: ConnectionPhase
    /// Uptime nanoseconds when the current phase's deadline passes; 0 = none.
    var deadline: UInt64 = 0
    var output: [UInt8] = []
    var outputOffset = 0
    /// The whole current response is in `output`; when it drains, the exchange is finished.
    var responseComplete = false
    var closeAfterResponse = false
    var peerClosed = false
    var current: PendingRequest?
    var requestsServed = 0
    var task: Task<Void, Never>?
    /// The response of an inline handler that finished without suspending (see `dispatchRequest`).
    var inlineResponse: Response?
    /// `processInput` is running: a response finished inside it (inline handler) must not
    /// start another parse loop, the running one continues with the next pipelined request.
    var processingInput = false
    var streamChunked = false
    var streamWaiters: [CheckedContinuation<Void, any Error>] = []
    /// TLS: a read wanted writability / a write wanted readability.
    var readWaitsForWritable = false
    var writeWaitsForReadable = false

    init(fd: Int32, shard: IOShard, core: ServerCore, transport: any Transport, remoteAddress: String) {
        self.fd = fd
        self.shard = shard
        self.core = core
        self.transport = transport
        self.remoteAddress = remoteAddress
        self.parser = HTTPParser(limits: core.configuration.limits)
        self.phase = core.tls == nil ? .idle : .handshake
    }

    var isTLS: Bool { core.tls != nil }
    var timeouts: HTTPServer.Timeouts { core.configuration.timeouts }

    static func now() -> UInt64 { EventLoop.now() }

    func setDeadline(_ duration: Duration) {
        deadline = Self.now() + duration.nanoseconds
    }

    /// Registers for readability and starts the first phase (on the loop's thread).
    func start() {
        shard.connections[ObjectIdentifier(self)] = self
        registration = shard.loop.register(fd: fd, interest: EPOLLIN.rawValue, handler: self)
        guard registration != nil else {
            closeNow()
            return
        }
        setDeadline(timeouts.headerRead)
        if phase == .handshake { continueHandshake() }
    }

    /// Epoll reports an error or hang-up whatever the interest set; with neither direction
    /// watched (reading paused, no write blocked) nobody would act on it, and level-triggered
    /// epoll would report it again at once, so the connection closes (the peer reset it).
    func handleEvents(_ events: UInt32) {
        let hangUp = events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0
        if events & EPOLLIN.rawValue != 0 || (hangUp && !readSuspended) { onReadable() }
        guard phase != .closed else { return }
        if events & EPOLLOUT.rawValue != 0 || (hangUp && writeArmed) { onWritable() }
        if hangUp && phase != .closed && readSuspended && !writeArmed { closeNow() }
    }

    /// Tells epoll what the connection waits for now (a syscall only when that changed).
    func updateInterest() {
        guard let registration else { return }
        var interest: UInt32 = 0
        if !readSuspended { interest |= EPOLLIN.rawValue }
        if writeArmed { interest |= EPOLLOUT.rawValue }
        if !shard.loop.modify(registration, interest: interest) { closeNow() }
    }
}
