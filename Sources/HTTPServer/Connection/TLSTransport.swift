import COpenSSL
#if canImport(Glibc)
import Glibc
#endif

/// TLS through OpenSSL reading and writing the non-blocking socket itself. Either direction may
/// need the other readiness (TLS 1.3 post-handshake messages), hence `wantRead`/`wantWrite` from
/// both `read` and `write`.
final class TLSTransport: Transport {
    let fd: Int32
    private let ssl: OpaquePointer
    private var released = false

    init?(context: TLSContext, fd: Int32) {
        guard let ssl = SSL_new(context.context) else { return nil }
        self.ssl = ssl
        self.fd = fd
        SSL_set_fd(ssl, fd)
        SSL_set_accept_state(ssl)
    }

    func handshake() -> TransportStatus {
        ERR_clear_error()
        let result = SSL_do_handshake(ssl)
        return result == 1 ? .done(count: 0) : status(of: result)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> TransportStatus {
        ERR_clear_error()
        let count = SSL_read(ssl, buffer.baseAddress, Int32(clamping: buffer.count))
        return count > 0 ? .done(count: Int(count)) : status(of: count)
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> TransportStatus {
        guard !bytes.isEmpty else { return .done(count: 0) }
        ERR_clear_error()
        let count = SSL_write(ssl, bytes.baseAddress, Int32(clamping: bytes.count))
        return count > 0 ? .done(count: Int(count)) : status(of: count)
    }

    var hasBufferedInput: Bool { SSL_pending(ssl) > 0 }

    func shutdownWrite() {
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        _ = Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    func release() {
        guard !released else { return }
        released = true
        SSL_free(ssl)
    }

    private func status(of result: Int32) -> TransportStatus {
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ: return .wantRead
        case SSL_ERROR_WANT_WRITE: return .wantWrite
        case SSL_ERROR_ZERO_RETURN: return .endOfStream
        case SSL_ERROR_SYSCALL:
            // Without an errno this is an EOF without close_notify.
            return errno == 0 ? .endOfStream : .failed
        default: return .failed
        }
    }
}
