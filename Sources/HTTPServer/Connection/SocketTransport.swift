#if canImport(Glibc)
import Glibc
#endif

/// Plain TCP.
final class SocketTransport: Transport {
    let fd: Int32

    init(fd: Int32) {
        self.fd = fd
    }

    func handshake() -> TransportStatus { .done(count: 0) }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> TransportStatus {
        while true {
            let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if count > 0 { return .done(count: count) }
            if count == 0 { return .endOfStream }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wantRead
            default: return .failed
            }
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> TransportStatus {
        while true {
            // MSG_NOSIGNAL: a peer that reset must not kill the process with SIGPIPE.
            let count = send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if count >= 0 { return .done(count: count) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wantWrite
            default: return .failed
            }
        }
    }

    var hasBufferedInput: Bool { false }

    func shutdownWrite() {
        _ = Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    func release() {}
}
