import Dispatch
import CLinuxEvents
#if canImport(Glibc)
import Glibc
#endif

/// Accepts connections on the listening socket and hands them round-robin to the I/O shards.
final class Acceptor: @unchecked Sendable {
    // Safe: `nextShard` and `paused` are only touched on `queue`; the rest is immutable.
    let fd: Int32
    let core: ServerCore
    let shards: [IOShard]
    let queue = DispatchQueue(label: "ovn-edge.http.accept")
    private var source: (any DispatchSourceRead)?
    private var nextShard = 0
    private var paused = false

    /// What an over-capacity client gets before the close.
    private static let busyResponse = Array(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\nRetry-After: 1\r\n\r\n".utf8
    )

    init(fd: Int32, core: ServerCore, shards: [IOShard]) {
        self.fd = fd
        self.core = core
        self.shards = shards
    }

    func start() {
        queue.async { [self] in
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            source.setEventHandler { [self] in acceptAvailable() }
            source.setCancelHandler { [fd] in _ = Glibc.close(fd) }
            self.source = source
            source.resume()
        }
    }

    /// Stops accepting; the listening fd is closed by the source's cancel handler.
    func stop() {
        queue.sync {
            if paused { source?.resume() }
            paused = false
            source?.cancel()
            source = nil
        }
    }

    private func acceptAvailable() {
        for _ in 0..<256 {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let client = withUnsafeMutablePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    // Close-on-exec from the start: with a separate fcntl a process spawned by
                    // another thread in between would inherit the connection and keep it open.
                    clinux_accept4(fd, $0, &length, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
                }
            }
            if client < 0 {
                switch errno {
                case EINTR, ECONNABORTED: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM: pauseAccepting()
                default: break
                }
                return
            }
            admit(client, address: ListeningSocket.describe(storage).text)
        }
    }

    private func admit(_ client: Int32, address: String) {
        guard !core.isShuttingDown, core.reserveConnection() else {
            _ = Self.busyResponse.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
            Glibc.close(client)
            return
        }
        var one: Int32 = 1
        setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        let transport: any Transport
        if let tls = core.tls {
            guard let tlsTransport = TLSTransport(context: tls, fd: client) else {
                Glibc.close(client)
                core.releaseConnection()
                return
            }
            transport = tlsTransport
        } else {
            transport = SocketTransport(fd: client)
        }
        let shard = shards[nextShard]
        nextShard = (nextShard + 1) % shards.count
        let connection = Connection(fd: client, shard: shard, core: core, transport: transport, remoteAddress: address)
        shard.loop.execute { connection.start() }
    }

    /// Out of descriptors: the level-triggered source would spin, so wait a little.
    private func pauseAccepting() {
        guard !paused, let source else { return }
        paused = true
        source.suspend()
        queue.asyncAfter(deadline: .now() + .milliseconds(100)) { [self] in
            guard paused, let source = self.source else { return }
            paused = false
            source.resume()
        }
    }
}
