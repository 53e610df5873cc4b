import TestSupport
import Foundation
import HTTPServer
import Logging
import Testing

/// Graceful shutdown: no new connections, idle ones closed, in-flight requests finished.
@Suite(.serialized) struct ShutdownTests {
    func start(_ router: Router) throws -> HTTPServer {
        let server = HTTPServer(configuration: HTTPServer.Configuration(host: "127.0.0.1", port: 0), router: router, logger: Logger(label: "test"))
        try server.start()
        return server
    }

    @Test func drainsAnInFlightRequest() async throws {
        let box = ServerBox()
        var router = Router()
        router.get("/slow") { _, _ in
            // Still busy when the shutdown begins, whatever the scheduling.
            while box.server?.isShuttingDown != true { try await Task.sleep(for: .milliseconds(10)) }
            try await Task.sleep(for: .milliseconds(100))
            return .text("finished")
        }
        let server = try start(router)
        box.server = server
        let port = server.port
        let busy = try RawConnection(port: port)
        let idle = try RawConnection(port: port)
        try busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        try await Task.sleep(for: .milliseconds(100))
        let clients = UncheckedPair(busy, idle)
        let observed = Task {
            try await offPool { () -> (Bool, String, String?, Bool) in
                let idleClosed = clients.second.waitForClose()
                let response = try clients.first.readResponse()
                return (idleClosed, response.text, response.header("connection"), clients.first.waitForClose())
            }
        }
        await server.shutdown(deadline: .seconds(5))
        let (idleClosed, text, connection, busyClosed) = try await observed.value
        #expect(idleClosed)
        #expect(text == "finished")
        #expect(connection == "close")
        #expect(busyClosed)
        #expect(throws: (any Error).self) { try RawConnection(port: port) }
    }

    @Test func deadlineCutsOffAStuckHandler() async throws {
        var router = Router()
        router.get("/stuck") { _, _ in
            try await Task.sleep(for: .seconds(60))
            return .text("never")
        }
        let server = try start(router)
        let client = try RawConnection(port: server.port)
        try client.send("GET /stuck HTTP/1.1\r\nHost: x\r\n\r\n")
        try await Task.sleep(for: .milliseconds(100))
        await server.shutdown(deadline: .milliseconds(300))
        #expect(client.waitForClose())
        #expect(server.connectionCount == 0)
    }

    @Test func waitUntilStoppedReturnsAfterShutdown() async throws {
        let server = try start(Router())
        async let waited: Void = server.waitUntilStopped()
        await server.shutdown(deadline: .seconds(1))
        await waited
        await server.shutdown(deadline: .seconds(1))  // a second call is harmless
    }

    @Test func signalTriggersShutdown() async throws {
        let server = try start(Router())
        server.shutdownOnSignals([SIGUSR2], deadline: .seconds(1))
        kill(getpid(), SIGUSR2)
        await server.waitUntilStopped()
        signal(SIGUSR2, SIG_DFL)
    }

    @Test func startErrorsAreValues() async throws {
        let server = try start(Router())
        defer { Task { await server.shutdown() } }
        let clash = HTTPServer(configuration: HTTPServer.Configuration(host: "127.0.0.1", port: server.port), router: Router())
        #expect(throws: HTTPServerError.socket(operation: "bind", errno: EADDRINUSE)) { try clash.start() }
        let missingFiles = HTTPServer(configuration: HTTPServer.Configuration(
            host: "127.0.0.1", port: 0, tls: TLSConfiguration(certificateChainFile: "/nonexistent.pem", privateKeyFile: "/nonexistent.key")
        ), router: Router())
        #expect {
            try missingFiles.start()
        } throws: { error in
            if case .tls(let file, _) = error as? HTTPServerError { return file == "/nonexistent.pem" }
            return false
        }
        await server.shutdown(deadline: .seconds(1))
    }
}

/// Lets a handler see the server it runs in (set right after start).
final class ServerBox: @unchecked Sendable {
    // Safe: `stored` is only accessed under `lock`.
    private let lock = NSLock()
    private var stored: HTTPServer?

    var server: HTTPServer? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
