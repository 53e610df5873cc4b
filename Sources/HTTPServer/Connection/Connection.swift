import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// One client connection: its sources, parser, output buffer and state machine.
///
/// The object is confined to its shard's serial queue: the read/write sources target that queue
/// and handler tasks hop back to it with `queue.async` before touching anything.
final class Connection: @unchecked Sendable {
    // Safe: every mutable property below is only read or written on `shard.queue` (see above).
    let fd: Int32
    let shard: IOShard
    let core: ServerCore
    let transport: any Transport
    let remoteAddress: String
    var readSource: (any DispatchSourceRead)?
    var writeSource: (any DispatchSourceWrite)?
    var readSuspended = false
    var writeArmed = false
    var liveSources = 0
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

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    func setDeadline(_ duration: Duration) {
        deadline = Self.now() + duration.nanoseconds
    }

    /// Registers the read source and starts the first phase (on `shard.queue`).
    func start() {
        shard.connections[ObjectIdentifier(self)] = self
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: shard.queue)
        source.setEventHandler { [unowned self] in onReadable() }
        source.setCancelHandler { [self] in sourceCancelled() }
        readSource = source
        liveSources += 1
        setDeadline(timeouts.headerRead)
        source.resume()
        if phase == .handshake { continueHandshake() }
    }
}
