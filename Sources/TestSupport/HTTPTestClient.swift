import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal blocking HTTP/1.1 client for tests: one connection, requests written as given,
/// responses framed by Content-Length, chunked encoding or close. Enough to drive the service
/// exactly the way curl would, without pulling in URLSession.
public final class HTTPTestClient: @unchecked Sendable {
    // Safe: a client is used by one test at a time; `fd` and `buffer` are only touched in
    // `send`, which callers do not run concurrently.
    public struct Response: Sendable {
        public let status: Int
        public let headers: [(name: String, value: String)]
        public let body: [UInt8]

        public func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        public var text: String { String(decoding: body, as: UTF8.self) }
        /// The body as a JSON object (or nil when it is not one).
        public var json: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        /// The server closed (or reset) the connection before any byte of the response.
        public var isClosedBeforeResponse = false
        public init(description: String) { self.description = description }
        static func closedBeforeResponse(_ description: String) -> Failure {
            var failure = Failure(description: description)
            failure.isClosedBeforeResponse = true
            return failure
        }
    }

    public let host: String
    public let port: UInt16
    /// Sent with every request unless the call gives the same header (e.g. `Authorization`).
    public var defaultHeaders: [String: String] = [:]
    private var fd: Int32 = -1
    private var buffer: [UInt8] = []
    /// Responses read on the current connection.
    private var exchanges = 0
    /// Bytes of the current response received so far.
    private var received = 0

    public init(host: String = "127.0.0.1", port: UInt16) {
        self.host = host
        self.port = port
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Sends one request and reads its response; reconnects when the server closed the last one.
    public func send(_ method: String, _ path: String, headers: [String: String] = [:],
                     body: [UInt8]? = nil, json: Any? = nil) throws -> Response {
        var payload = body
        var allHeaders = defaultHeaders.merging(headers) { _, given in given }
        if let json {
            payload = Array(try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]))
            if allHeaders["Content-Type"] == nil { allHeaders["Content-Type"] = "application/json" }
        }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\n"
        for (name, value) in allHeaders.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        if let payload { head += "Content-Length: \(payload.count)\r\n" }
        head += "\r\n"
        let bytes = Array(head.utf8) + (payload ?? [])
        if fd < 0 { try connect() }
        let reused = exchanges > 0
        do {
            try writeAll(bytes)
            return try readResponse(method: method)
        } catch let failure as Failure where reused && failure.isClosedBeforeResponse {
            // A kept-alive connection the server closed before it read this request (idle
            // timeout): nothing was executed, so sending again on a fresh one is safe. Any other
            // failure is the test's to see: the request may have run, and retrying a POST would
            // hide the failure behind a 409.
            reset()
            try connect()
            try writeAll(bytes)
            return try readResponse(method: method)
        }
    }

    /// Writes raw bytes on the connection (for malformed-request tests).
    public func sendRaw(_ bytes: [UInt8], method: String = "GET") throws -> Response {
        if fd < 0 { try connect() }
        try writeAll(bytes)
        return try readResponse(method: method)
    }

    public func reset() {
        if fd >= 0 { close(fd) }
        fd = -1
        buffer = []
        exchanges = 0
    }

    private func connect() throws {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socketFD >= 0 else { throw Failure(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else {
            close(socketFD)
            throw Failure(description: "connect to \(host):\(port) failed: errno \(errno)")
        }
        fd = socketFD
    }

    private func writeAll(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                let code = errno
                let description = "write failed: errno \(code)"
                throw code == EPIPE || code == ECONNRESET ? .closedBeforeResponse(description) : Failure(description: description)
            }
            offset += written
        }
    }

    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        var count = -1
        repeat {
            count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        } while count < 0 && errno == EINTR  // a signal (SO_RCVTIMEO makes recv not restart)
        if count < 0 {
            let code = errno
            let description = code == EAGAIN ? "read timed out" : "read failed: errno \(code)"
            throw code == ECONNRESET && received == 0 ? .closedBeforeResponse(description) : Failure(description: description)
        }
        if count == 0 {
            if received == 0 && buffer.isEmpty { throw Failure.closedBeforeResponse("connection closed before the response") }
            return false
        }
        received += count
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    private func readLine() throws -> String {
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<end])
                if line.last == 0x0D { line.removeLast() }
                buffer.removeFirst(end + 1)
                return String(decoding: line, as: UTF8.self)
            }
            guard try fill() else { throw Failure(description: "connection closed before a full line") }
        }
    }

    private func readExactly(_ count: Int) throws -> [UInt8] {
        while buffer.count < count {
            guard try fill() else { throw Failure(description: "connection closed mid-body") }
        }
        let bytes = Array(buffer[..<count])
        buffer.removeFirst(count)
        return bytes
    }

    private func readResponse(method: String) throws -> Response {
        received = buffer.count
        var statusLine = try readLine()
        var headers: [(name: String, value: String)] = []
        var status = 0
        // Skip interim 1xx responses (100 Continue).
        repeat {
            let parts = statusLine.split(separator: " ", maxSplits: 2)
            guard parts.count >= 2, let code = Int(parts[1]) else { throw Failure(description: "bad status line: \(statusLine)") }
            status = code
            headers = []
            while true {
                let line = try readLine()
                if line.isEmpty { break }
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
            if (100..<200).contains(status) { statusLine = try readLine() }
        } while (100..<200).contains(status)

        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name }?.value }
        var body: [UInt8] = []
        if method == "HEAD" || status == 204 || status == 304 {
            body = []
        } else if header("transfer-encoding")?.lowercased().contains("chunked") == true {
            while true {
                let sizeLine = try readLine()
                guard let size = Int(sizeLine.split(separator: ";")[0], radix: 16) else { throw Failure(description: "bad chunk size") }
                if size == 0 {
                    while try !readLine().isEmpty {}
                    break
                }
                body += try readExactly(size)
                _ = try readLine()
            }
        } else if let length = header("content-length").flatMap(Int.init) {
            body = try readExactly(length)
        } else {
            while try fill() {}
            body = buffer
            buffer = []
        }
        exchanges += 1
        if header("connection")?.lowercased() == "close" { reset() }
        return Response(status: status, headers: headers, body: body)
    }
}
