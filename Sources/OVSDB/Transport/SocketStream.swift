import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP or unix-domain socket.
final class SocketStream: ByteStream {
    let fd: Int32
    private var isClosed = false

    init(fd: Int32) { self.fd = fd }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> StreamIO {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n > 0 { return .done(n) }
            if n == 0 { return .endOfStream }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return .wantRead }
            return .failed(String(cString: strerror(errno)))
        }
    }

    func write(_ buffer: UnsafeRawBufferPointer) -> StreamIO {
        while true {
            let n = Glibc.send(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
            if n >= 0 { return .done(n) }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return .wantWrite }
            return .failed(String(cString: strerror(errno)))
        }
    }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        Glibc.close(fd)
    }

    /// Connects to `remote` (resolving host names), non-blocking, within `timeout` seconds.
    static func connect(_ remote: Remote, timeout: Double) throws(OVSDBError) -> SocketStream {
        switch remote {
        case .unix(let path):
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { throw .connectFailed(remote: remote.description, reason: String(cString: strerror(errno))) }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array(path.utf8)
            guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
                Glibc.close(fd)
                throw .connectFailed(remote: remote.description, reason: "socket path too long")
            }
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                raw.copyBytes(from: bytes)
                raw[bytes.count] = 0
            }
            let length = socklen_t(MemoryLayout<sockaddr_un>.size)
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connectNonBlocking(fd, $0, length, timeout: timeout) }
            }
            if let failure = result {
                Glibc.close(fd)
                throw .connectFailed(remote: remote.description, reason: failure)
            }
            return SocketStream(fd: fd)
        case .tcp(let host, let port), .ssl(let host, let port):
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            hints.ai_family = AF_UNSPEC
            var list: UnsafeMutablePointer<addrinfo>?
            let rc = getaddrinfo(host, String(port), &hints, &list)
            guard rc == 0, let first = list else {
                throw .connectFailed(remote: remote.description, reason: String(cString: gai_strerror(rc)))
            }
            defer { freeaddrinfo(first) }
            var lastError = "no address"
            var entry: UnsafeMutablePointer<addrinfo>? = first
            while let info = entry {
                entry = info.pointee.ai_next
                let fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
                guard fd >= 0 else { lastError = String(cString: strerror(errno)); continue }
                if let failure = connectNonBlocking(fd, info.pointee.ai_addr, info.pointee.ai_addrlen, timeout: timeout) {
                    lastError = failure
                    Glibc.close(fd)
                    continue
                }
                var one: Int32 = 1
                setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                return SocketStream(fd: fd)
            }
            throw .connectFailed(remote: remote.description, reason: lastError)
        }
    }

    /// Leaves `fd` non-blocking and connected, or returns why not.
    private static func connectNonBlocking(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t, timeout: Double) -> String? {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        if Glibc.connect(fd, address, length) == 0 { return nil }
        guard errno == EINPROGRESS || errno == EAGAIN else { return String(cString: strerror(errno)) }
        var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        let ready = poll(&pfd, 1, Int32(max(1, timeout * 1000)))
        guard ready > 0 else { return ready == 0 ? "connect timed out" : String(cString: strerror(errno)) }
        var error: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size)
        return error == 0 ? nil : String(cString: strerror(error))
    }
}
