import Foundation
import HTTPServer
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The server's sockets are close-on-exec (and non-blocking) from the moment they exist: a
/// process spawned by another thread of the same process must not inherit a connection, or the
/// server's close would leave it open in the child (no FIN, no reset for the client).
@Suite struct DescriptorFlagsTests {
    @Test func acceptedConnectionsAreCloseOnExecAndNonBlocking() async throws {
        var router = Router()
        router.get("/") { _, _ in Response(status: .ok) }
        try await withServer(router: router) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            let accepted = Self.descriptors(local: server.port, peer: Self.localPort(of: client.fd))
            #expect(accepted.count == 1, "the server's end of the connection")
            for fd in accepted {
                #expect(fcntl(fd, F_GETFD) & FD_CLOEXEC != 0)
                #expect(fcntl(fd, F_GETFL) & O_NONBLOCK != 0)
            }
        }
    }

    static func localPort(of fd: Int32) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func peerPort(of fd: Int32) -> Int? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let rc = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &length) }
        }
        return rc == 0 ? Int(UInt16(bigEndian: address.sin_port)) : nil
    }

    /// Open TCP sockets of this process bound to port `local` and connected to port `peer`.
    static func descriptors(local: Int, peer: Int) -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.compactMap(Int32.init).filter { fd in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)"),
                  target.hasPrefix("socket:") else { return false }
            return localPort(of: fd) == local && peerPort(of: fd) == peer
        }
    }
}
