import Foundation
import HTTPServer
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A client that resets its connection while the server does not read it (its pipelined input
/// reached the limit while a handler runs): epoll reports the hang-up even though the connection
/// watches nothing, and the connection must close then, not when the handler finishes (nor spin
/// on the repeated event).
@Suite struct ResetTests {
    @Test func resetWhileReadingIsPausedClosesAtOnce() async throws {
        let (gate, open) = AsyncStream<Void>.makeStream()
        var router = Router()
        router.get("/slow") { _, _ in
            for await _ in gate { break }
            return Response(status: .ok)
        }
        try await withServer(router: router) { server in
            do {
                let client = try RawConnection(port: server.port)
                let request = "GET /slow HTTP/1.1\r\nHost: test\r\n\r\n"
                // Over the 64 KiB a connection buffers while responding: reading pauses.
                try client.send(String(repeating: request, count: 96 * 1024 / request.utf8.count))
                try await Task.sleep(for: .milliseconds(200))
                #expect(server.connectionCount == 1)
                // SO_LINGER 0: the close below sends a reset instead of a FIN.
                var option = linger(l_onoff: 1, l_linger: 0)
                setsockopt(client.fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
            }
            let clock = ContinuousClock()
            let end = clock.now + .seconds(5)
            while server.connectionCount > 0 && clock.now < end {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(server.connectionCount == 0, "the handler is still waiting; the reset alone must close it")
            open.yield()
            open.finish()
        }
    }
}
