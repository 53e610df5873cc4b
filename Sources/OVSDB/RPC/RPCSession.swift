import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// One JSON-RPC connection to one server, with no reconnect logic.
///
/// A dedicated I/O thread owns the socket: it polls for input and output together, so reading
/// never waits for writing (ovsdb-server stops reading while it has unsent output, so a client
/// that writes without reading deadlocks). Replies and notifications are handled on that thread,
/// in the order they arrived: a monitor update the server sends before a `transact` reply is
/// applied before the caller of `transact` resumes.
public final class RPCSession: @unchecked Sendable {
    // Safe: mutable state is in `shared` (locked); `stream`, `splitter`, `writing` and the probe
    // fields are touched only by the I/O thread after `open` hands the session over.
    public typealias ReplyHandler = @Sendable (Result<JSON, OVSDBError>) -> Void
    public typealias NotificationHandler = @Sendable (_ method: String, _ params: [JSON]) -> Void

    public let remote: Remote
    private let logger: Logger
    private let probeInterval: Double?
    private let wake: (read: Int32, write: Int32)
    private var stream: ByteStream?
    private var splitter = JSONStreamSplitter()
    private var writing: [UInt8] = []
    private var writingOffset = 0

    private struct Shared {
        var nextID = 1
        var pending: [Int: (method: String, handler: ReplyHandler)] = [:]
        var output: [UInt8] = []
        var closeRequest: String?
        var closedReason: String?
        var notificationHandler: NotificationHandler?
        var closeWaiters: [@Sendable (String) -> Void] = []
        var bytesIn = 0
        var bytesOut = 0
        /// The wake pipe is open; once closed its fd numbers may be reused, so nobody may write.
        var wakeOpen = true
    }
    private let shared = Locked(Shared())

    private init(remote: Remote, probeInterval: Double?, logger: Logger) {
        self.remote = remote
        self.probeInterval = probeInterval
        self.logger = logger
        var fds: [Int32] = [0, 0]
        _ = pipe(&fds)
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wake = (fds[0], fds[1])
    }

    /// Connects (and for `ssl:` runs the TLS handshake) on a new I/O thread, then starts serving.
    /// `probeInterval` (seconds): after that much silence an `echo` is sent, after twice that the
    /// connection is dropped.
    public static func open(_ remote: Remote, tls: TLSConfiguration? = nil, connectTimeout: Double = 10,
                            probeInterval: Double? = nil, logger: Logger = Logger(label: "ovsdb")) async throws -> RPCSession {
        let session = RPCSession(remote: remote, probeInterval: probeInterval, logger: logger)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            let thread = Thread {
                do {
                    session.stream = try session.connect(tls: tls, timeout: connectTimeout)
                } catch {
                    session.shared.withLock { $0.closedReason = "connect failed" }
                    session.closeWake()
                    continuation.resume(throwing: error)
                    return
                }
                continuation.resume()
                session.serve()
            }
            thread.name = "ovsdb-io \(remote)"
            thread.stackSize = 4 << 20
            thread.start()
        }
        return session
    }

    private func connect(tls: TLSConfiguration?, timeout: Double) throws -> ByteStream {
        let socket = try SocketStream.connect(remote, timeout: timeout)
        guard case .ssl = remote else { return socket }
        guard let tls else {
            socket.close()
            throw OVSDBError.connectFailed(remote: remote.description, reason: "ssl: remote without TLS configuration")
        }
        return try TLSStream(socket: socket, configuration: tls, remote: remote.description, timeout: timeout)
    }

    // MARK: - Public API

    /// Receives notifications (`update*`, `locked`, `stolen`, …) on the I/O thread: keep it short.
    public func setNotificationHandler(_ handler: NotificationHandler?) {
        shared.withLock { $0.notificationHandler = handler }
    }

    /// Sends a request; `handler` runs on the I/O thread with the result, or with
    /// `connectionLost` / `timedOut`.
    public func call(_ method: String, _ params: [JSON], timeout: Double? = nil, handler: @escaping ReplyHandler) {
        var failure: OVSDBError?
        let id: Int = shared.withLock { state in
            if let reason = state.closedReason ?? state.closeRequest {
                failure = .connectionLost(reason: reason)
                return 0
            }
            let id = state.nextID
            state.nextID += 1
            state.pending[id] = (method, handler)
            return id
        }
        if let failure { handler(.failure(failure)); return }
        // Encode outside the lock: a 10,000-op transaction takes a while, and the I/O thread
        // must not wait for it.
        let bytes = JSONWriter.encode(.object(["method": .string(method), "params": .array(params), "id": .int(id)]))
        shared.withLock { state in
            if state.closedReason == nil { state.output.append(contentsOf: bytes) }
        }
        signalWake()
        if let timeout {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [weak self] in
                guard let self else { return }
                guard let entry = self.shared.withLock({ $0.pending.removeValue(forKey: id) }) else { return }
                // Ask the server to drop a transaction still waiting (e.g. on a `wait` op).
                if method == "transact" { self.notify("cancel", [.int(id)]) }
                entry.handler(.failure(.timedOut(method: method)))
            }
        }
    }

    public func call(_ method: String, _ params: [JSON], timeout: Double? = nil) async throws -> JSON {
        let result: Result<JSON, OVSDBError> = await withCheckedContinuation { continuation in
            call(method, params, timeout: timeout) { continuation.resume(returning: $0) }
        }
        return try result.get()
    }

    /// Sends a notification (no reply expected), e.g. `cancel`.
    public func notify(_ method: String, _ params: [JSON]) {
        send(.object(["method": .string(method), "params": .array(params), "id": .null]))
    }

    /// Closes the connection; outstanding requests fail with `connectionLost(reason)`.
    public func close(reason: String = "closed by client") {
        shared.withLock { if $0.closeRequest == nil { $0.closeRequest = reason } }
        signalWake()
    }

    public var isClosed: Bool { shared.withLock { $0.closedReason != nil } }

    /// Returns once the connection is closed, with the reason.
    public func waitUntilClosed() async -> String {
        await withCheckedContinuation { continuation in
            let reason: String? = shared.withLock { state in
                if let reason = state.closedReason { return reason }
                state.closeWaiters.append { continuation.resume(returning: $0) }
                return nil
            }
            if let reason { continuation.resume(returning: reason) }
        }
    }

    /// Bytes received and sent so far.
    public var traffic: (received: Int, sent: Int) { shared.withLock { ($0.bytesIn, $0.bytesOut) } }

    // MARK: - I/O thread

    private func send(_ message: JSON) {
        let bytes = JSONWriter.encode(message)
        let accepted = shared.withLock { state -> Bool in
            guard state.closedReason == nil else { return false }
            state.output.append(contentsOf: bytes)
            return true
        }
        if accepted { signalWake() }
    }

    private func signalWake() {
        shared.withLock { state in
            guard state.wakeOpen else { return }
            var byte: UInt8 = 1
            _ = Glibc.write(wake.write, &byte, 1)
        }
    }

    private func drainWake() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while Glibc.read(wake.read, &buffer, buffer.count) > 0 {}
    }

    private func closeWake() {
        shared.withLock { state in
            guard state.wakeOpen else { return }
            state.wakeOpen = false
            Glibc.close(wake.read)
            Glibc.close(wake.write)
        }
    }

    private func serve() {
        guard let stream else { return }
        let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 << 10, alignment: 16)
        defer { readBuffer.deallocate() }
        var lastReceive = Date()
        var probeSent = false
        var readWantsWrite = false
        var writeWantsRead = false
        var reason = "closed"

        loop: while true {
            let hasOutput: Bool = shared.withLock { state in
                if writingOffset >= writing.count, !state.output.isEmpty {
                    swap(&writing, &state.output)
                    state.output.removeAll(keepingCapacity: true)
                    writingOffset = 0
                }
                return writingOffset < writing.count
            }
            if let request = shared.withLock({ $0.closeRequest }) {
                // Flush what is queued (best effort) is not needed: the caller chose to close.
                reason = request
                break
            }
            var events = Int16(POLLIN)
            if (hasOutput && !writeWantsRead) || readWantsWrite { events |= Int16(POLLOUT) }
            var fds = [pollfd(fd: stream.fd, events: events, revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            var timeout: Int32 = -1
            if let probeInterval {
                let elapsed = -lastReceive.timeIntervalSinceNow
                let next = (probeSent ? 2 * probeInterval : probeInterval) - elapsed
                timeout = Int32(max(0, next) * 1000) + 1
            }
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno != EINTR { reason = String(cString: strerror(errno)); break }
            if fds[1].revents != 0 { drainWake() }

            let socketEvents = fds[0].revents
            let canRead = socketEvents & Int16(POLLIN | POLLHUP | POLLERR) != 0 || (readWantsWrite && socketEvents & Int16(POLLOUT) != 0)
            if canRead {
                readWantsWrite = false
                writeWantsRead = false
                var total = 0
                readLoop: while total < 8 << 20 {
                    switch stream.read(into: readBuffer) {
                    case .done(let n):
                        total += n
                        if let failure = consume(UnsafeRawBufferPointer(rebasing: readBuffer[0..<n])) { reason = failure; break loop }
                    case .wantRead: break readLoop
                    case .wantWrite: readWantsWrite = true; break readLoop
                    case .endOfStream: reason = "connection closed by server"; break loop
                    case .failed(let why): reason = why; break loop
                    }
                }
                if total > 0 {
                    lastReceive = Date()
                    probeSent = false
                    shared.withLock { $0.bytesIn += total }
                }
            }
            if socketEvents & Int16(POLLOUT) != 0 || hasOutput {
                var sent = 0
                writeLoop: while writingOffset < writing.count {
                    let result = writing.withUnsafeBytes { raw in
                        stream.write(UnsafeRawBufferPointer(rebasing: raw[writingOffset...]))
                    }
                    switch result {
                    case .done(let n): writingOffset += n; sent += n
                    case .wantWrite: break writeLoop
                    case .wantRead: writeWantsRead = true; break writeLoop
                    case .endOfStream: reason = "connection closed by server"; break loop
                    case .failed(let why): reason = why; break loop
                    }
                }
                if sent > 0 { shared.withLock { $0.bytesOut += sent } }
            }
            if let probeInterval {
                let idle = -lastReceive.timeIntervalSinceNow
                if idle >= 2 * probeInterval && probeSent {
                    reason = "no response to inactivity probe after \(probeInterval) s"
                    break
                }
                if idle >= probeInterval && !probeSent {
                    probeSent = true
                    call("echo", [], handler: { _ in })
                }
            }
        }
        finish(stream: stream, reason: reason)
    }

    /// Splits and handles received bytes; returns a reason to close on malformed input.
    private func consume(_ bytes: UnsafeRawBufferPointer) -> String? {
        let messages: [ArraySlice<UInt8>]
        do { messages = try splitter.push(bytes) } catch { return "malformed stream: \(error)" }
        for message in messages {
            let json: JSON
            do {
                json = try message.withUnsafeBytes { try JSONParser.parse($0) }
            } catch {
                return "malformed JSON: \(error)"
            }
            guard case .object(let object) = json else { return "message is not an object" }
            handle(object)
        }
        return nil
    }

    private func handle(_ message: [String: JSON]) {
        if case .string(let method)? = message["method"] {
            let params = message["params"]?.arrayValue ?? []
            let id = message["id"] ?? .null
            if !id.isNull {
                if method == "echo" {
                    send(.object(["id": id, "result": .array(params), "error": .null]))
                } else {
                    send(.object(["id": id, "result": .null, "error": .string("unknown method")]))
                }
                return
            }
            let handler = shared.withLock { $0.notificationHandler }
            handler?(method, params)
            return
        }
        guard case .int(let id)? = message["id"] else { return }
        guard let entry = shared.withLock({ $0.pending.removeValue(forKey: id) }) else { return }
        if let error = message["error"], !error.isNull {
            entry.handler(.failure(.server(method: entry.method, ServerError(json: error))))
        } else {
            entry.handler(.success(message["result"] ?? .null))
        }
    }

    private func finish(stream: ByteStream, reason: String) {
        stream.close()
        let (pending, waiters) = shared.withLock { state -> ([(method: String, handler: ReplyHandler)], [@Sendable (String) -> Void]) in
            state.closedReason = reason
            let pending = Array(state.pending.values)
            state.pending.removeAll()
            let waiters = state.closeWaiters
            state.closeWaiters.removeAll()
            state.notificationHandler = nil
            return (pending, waiters)
        }
        closeWake()
        logger.debug("session to \(remote) closed: \(reason)")
        for entry in pending { entry.handler(.failure(.connectionLost(reason: reason))) }
        for waiter in waiters { waiter(reason) }
    }
}
