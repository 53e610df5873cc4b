import COpenSSL
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// TLS (OpenSSL) over a connected non-blocking socket, with a client certificate.
final class TLSStream: ByteStream {
    private let socket: SocketStream
    private let context: OpaquePointer
    private let ssl: OpaquePointer
    private var isClosed = false

    var fd: Int32 { socket.fd }

    /// Sets up the context and runs the handshake (polling the socket) within `timeout`.
    init(socket: SocketStream, configuration: TLSConfiguration, remote: String, timeout: Double) throws(OVSDBError) {
        self.socket = socket
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            throw .connectFailed(remote: remote, reason: "SSL_CTX_new: " + Self.lastError())
        }
        guard SSL_CTX_use_certificate_chain_file(context, configuration.certificatePath) == 1,
              SSL_CTX_use_PrivateKey_file(context, configuration.privateKeyPath, SSL_FILETYPE_PEM) == 1,
              SSL_CTX_check_private_key(context) == 1,
              SSL_CTX_load_verify_locations(context, configuration.caCertificatePath, nil) == 1 else {
            let reason = Self.lastError()
            SSL_CTX_free(context)
            throw .connectFailed(remote: remote, reason: "TLS files: " + reason)
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        // Non-blocking writes are retried with the rest of a buffer that may have moved.
        _ = SSL_CTX_ctrl(context, SSL_CTRL_MODE, Int(SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER), nil)
        guard let ssl = SSL_new(context) else {
            SSL_CTX_free(context)
            throw .connectFailed(remote: remote, reason: "SSL_new: " + Self.lastError())
        }
        self.context = context
        self.ssl = ssl
        SSL_set_fd(ssl, socket.fd)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            ERR_clear_error()
            let rc = SSL_connect(ssl)
            if rc == 1 { break }
            let error = SSL_get_error(ssl, rc)
            let events: Int16
            switch error {
            case SSL_ERROR_WANT_READ: events = Int16(POLLIN)
            case SSL_ERROR_WANT_WRITE: events = Int16(POLLOUT)
            default:
                let reason = Self.lastError()
                close()
                throw .connectFailed(remote: remote, reason: "TLS handshake: " + (reason.isEmpty ? "error \(error)" : reason))
            }
            let remaining = deadline.timeIntervalSinceNow
            var pfd = pollfd(fd: socket.fd, events: events, revents: 0)
            guard remaining > 0, poll(&pfd, 1, Int32(remaining * 1000) + 1) > 0 else {
                close()
                throw .connectFailed(remote: remote, reason: "TLS handshake timed out")
            }
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> StreamIO {
        ERR_clear_error()
        let n = SSL_read(ssl, buffer.baseAddress, Int32(min(buffer.count, Int(Int32.max))))
        if n > 0 { return .done(Int(n)) }
        return outcome(n)
    }

    func write(_ buffer: UnsafeRawBufferPointer) -> StreamIO {
        ERR_clear_error()
        let n = SSL_write(ssl, buffer.baseAddress, Int32(min(buffer.count, 1 << 20)))
        if n > 0 { return .done(Int(n)) }
        return outcome(n)
    }

    private func outcome(_ rc: Int32) -> StreamIO {
        switch SSL_get_error(ssl, rc) {
        case SSL_ERROR_WANT_READ: return .wantRead
        case SSL_ERROR_WANT_WRITE: return .wantWrite
        case SSL_ERROR_ZERO_RETURN: return .endOfStream
        case SSL_ERROR_SYSCALL:
            let reason = Self.lastError()
            return reason.isEmpty && (errno == 0 || rc == 0) ? .endOfStream : .failed(reason.isEmpty ? String(cString: strerror(errno)) : reason)
        default: return .failed(Self.lastError())
        }
    }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        SSL_shutdown(ssl)
        SSL_free(ssl)
        SSL_CTX_free(context)
        socket.close()
    }

    private static func lastError() -> String {
        var messages: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            messages.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return messages.joined(separator: "; ")
    }
}
