import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a Server-Sent Events response off a raw socket until a condition holds, then closes the
/// connection (which must end the server's stream). Blocking; run it off the cooperative pool.
final class SSEClient: @unchecked Sendable {
    // Safe: a test reads from one thread at a time (each `offPool` call is awaited).
    struct Failure: Error, CustomStringConvertible { let description: String }

    private let fd: Int32
    private(set) var received = ""

    init(port: Int, path: String, headers: [String: String]) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        // A guard against a hung test, not a timing assertion.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else { Glibc.close(fd); throw Failure(description: "connect failed: \(errno)") }
        var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let bytes = Array(request.utf8)
        guard Glibc.send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw Failure(description: "send failed") }
    }

    /// Reads until `done(received)` is true; throws if the server closes or nothing comes.
    func read(until done: (String) -> Bool) throws {
        var chunk = [UInt8](repeating: 0, count: 16384)
        while !done(received) {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw Failure(description: "stream ended (\(count), errno \(errno)) after: \(received)") }
            received += String(decoding: chunk[0..<count], as: UTF8.self)
        }
    }

    /// The `id:` values of the events received so far.
    var eventIDs: [Int64] {
        // "\r\n" (chunk framing) is one Character in Swift, so split on scalars.
        received.unicodeScalars.split(separator: "\n").map { String(String.UnicodeScalarView($0)) }.compactMap { line in line.hasPrefix("id: ") ? Int64(line.dropFirst(4)) : nil }
    }

    func close() { Glibc.close(fd) }
}

