import Foundation
import HTTPServer
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A thousand connections stuck half-way through their headers must not keep a normal client
/// from being served.
@Suite(.serialized) struct SlowClientTests {
    static let slowClients = 1000

    /// Lifts the soft descriptor limit to the hard one (the server and the clients share it).
    static func raiseDescriptorLimit(to wanted: rlim_t) -> Bool {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return false }
        if limit.rlim_cur >= wanted { return true }
        limit.rlim_cur = min(wanted, limit.rlim_max)
        return setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 && limit.rlim_cur >= wanted
    }

    @Test func manyHalfHeadersDoNotBlockANormalClient() async throws {
        #expect(Self.raiseDescriptorLimit(to: rlim_t(Self.slowClients * 2 + 256)))
        var router = Router()
        router.get("/") { _, _ in .text("ok") }
        var configuration = HTTPServer.Configuration()
        configuration.timeouts = quickTimeouts(30)
        try await withServer(configuration, router: router) { server in
            var slow: [RawConnection] = []
            for index in 0..<Self.slowClients {
                let connection = try RawConnection(port: server.port)
                try connection.send("GET /\(index) HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                slow.append(connection)
            }
            try await waitFor(10) { server.connectionCount >= Self.slowClients }
            let normal = try RawConnection(port: server.port)
            for _ in 0..<20 {
                try normal.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try normal.readResponse().text == "ok")
            }
            // The stuck ones are still waiting (not served, not dropped).
            #expect(server.connectionCount >= Self.slowClients + 1)
            slow.removeAll()
        }
    }
}
