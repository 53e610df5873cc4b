import Foundation
import HTTPServer
import TestSupport
import Testing

/// Slow and idle clients are cut off by the configured deadlines (short ones here).
@Suite(.serialized) struct TimeoutTests {
    static func configuration() -> HTTPServer.Configuration {
        HTTPServer.Configuration(timeouts: quickTimeouts(0.4))
    }

    static func router() -> Router {
        var router = Router()
        router.get("/") { _, _ in .text("ok") }
        router.post("/echo") { request, _ in Response(bytes: request.body) }
        return router
    }

    @Test func partialHeaderGets408AndClose() async throws {
        try await withServer(Self.configuration(), router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Half: ")
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(client.waitForClose())
        }
    }

    @Test func headerDeadlineIsNotRenewedByTrickling() async throws {
        try await withServer(Self.configuration(), router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n")
            // One byte every 100 ms: each is within the deadline, the head as a whole is not.
            var closed = false
            for _ in 0..<20 {
                try await Task.sleep(for: .milliseconds(100))
                if (try? client.send("X")) == nil { closed = true; break }
            }
            if !closed { #expect(try client.readResponse().status == 408) }
        }
    }

    @Test func silentConnectionIsClosed() async throws {
        try await withServer(Self.configuration(), router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            #expect(client.waitForClose())
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() async throws {
        try await withServer(Self.configuration(), router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            #expect(client.waitForClose())
        }
    }

    @Test func stalledBodyGets408() async throws {
        try await withServer(Self.configuration(), router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
            #expect(try client.readResponse().status == 408)
            #expect(client.waitForClose())
        }
    }

    @Test func slowButSteadyClientIsServed() async throws {
        // A body byte every 250 ms against a 2 s body-idle deadline: the body as a whole takes
        // longer than the deadline, each gap is far within it. The client runs on a thread of
        // its own so that a busy cooperative pool cannot stretch its gaps.
        let configuration = HTTPServer.Configuration(timeouts: quickTimeouts(2))
        try await withServer(configuration, router: Self.router()) { server in
            let port = server.port
            let echoed = try await offPool { () throws -> String in
                let client = try RawConnection(port: port)
                try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n")
                for byte in "abcdefghij" {
                    Thread.sleep(forTimeInterval: 0.25)
                    try client.send(String(byte))
                }
                return try client.readResponse().text
            }
            #expect(echoed == "abcdefghij")
        }
    }

    @Test func connectionCapAnswers503() async throws {
        var configuration = Self.configuration()
        configuration.maxConnections = 2
        configuration.timeouts = quickTimeouts(5)
        try await withServer(configuration, router: Self.router()) { server in
            let first = try RawConnection(port: server.port)
            let second = try RawConnection(port: server.port)
            try await waitFor { server.connectionCount == 2 }
            let third = try RawConnection(port: server.port)
            #expect(try third.readResponse().status == 503)
            // Slots free up again once a connection closes.
            try first.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(try first.readResponse().status == 200)
            try await waitFor { server.connectionCount == 1 }
            let fourth = try RawConnection(port: server.port)
            try fourth.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try fourth.readResponse().status == 200)
            _ = second
        }
    }
}

/// Polls a condition for up to `seconds`.
func waitFor(_ seconds: Double = 5, _ condition: () -> Bool) async throws {
    let end = Date().addingTimeInterval(seconds)
    while !condition() {
        if Date() > end { throw RawConnection.Failure(description: "condition not met in \(seconds) s") }
        try await Task.sleep(for: .milliseconds(10))
    }
}
