import Foundation
@testable import HTTPServer
import HTTPTypes
import Testing

/// Routes registered with `inline: true` run on the connection's I/O queue until they suspend;
/// what follows a suspension runs on the handler pool. Order, keep-alive, deadlines and
/// shutdown must behave exactly as for pool routes.
@Suite(.serialized) struct InlineRouteTests {
    static func onHandlerPool() -> Bool { HandlerExecutor.isPoolThread }

    static func router() -> Router {
        var router = Router()
        router.get("/inline/{n}", inline: true) { request, _ in
            .text("inline \(request.pathParameters["n"]!) pool=\(onHandlerPool())")
        }
        router.get("/pooled/{n}") { request, _ in
            .text("pooled \(request.pathParameters["n"]!) pool=\(onHandlerPool())")
        }
        router.get("/suspend/{ms}", inline: true) { request, _ in
            let before = onHandlerPool()
            try await Task.sleep(for: .milliseconds(Int(request.pathParameters["ms"]!)!))
            return .text("suspended before=\(before) after=\(onHandlerPool())")
        }
        router.get("/throws", inline: true) { _, _ in throw CancellationError() }
        return router
    }

    @Test func inlineHandlersRunOnTheIOQueueAndPoolRoutesOnThePool() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET /inline/1 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "inline 1 pool=false")
            try client.send("GET /pooled/2 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "pooled 2 pool=true")
        }
    }

    @Test func anInlineHandlerThatSuspendsFinishesOnThePool() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET /suspend/20 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "suspended before=false after=true")
            // The connection goes on normally afterwards.
            try client.send("GET /inline/3 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "inline 3 pool=false")
        }
    }

    @Test func pipelinedInlinePooledAndSuspendingRequestsAnswerInOrder() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            // 600 requests in one write: many are answered inside one parse loop; a suspending
            // one in the middle must hold back the ones after it.
            var expected: [String] = []
            var requests = ""
            for index in 0..<600 {
                switch index % 100 {
                case 50:
                    requests += "GET /suspend/30 HTTP/1.1\r\nHost: x\r\n\r\n"
                    expected.append("suspended before=false after=true")
                case 7, 8:
                    requests += "GET /pooled/\(index) HTTP/1.1\r\nHost: x\r\n\r\n"
                    expected.append("pooled \(index) pool=true")
                default:
                    requests += "GET /inline/\(index) HTTP/1.1\r\nHost: x\r\n\r\n"
                    expected.append("inline \(index) pool=false")
                }
            }
            requests += "GET /inline/last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            expected.append("inline last pool=false")
            try client.send(requests)
            var answers: [String] = []
            for _ in expected { answers.append(try client.readResponse().text) }
            #expect(answers == expected)
            #expect(client.waitForClose())
        }
    }

    @Test func requestsSentWithTheFinAreAllAnsweredInline() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET /inline/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /inline/2 HTTP/1.1\r\nHost: x\r\n\r\nGET /inline/3 HTTP/1.1\r\nHost: x\r\n\r\n")
            client.shutdownWrite()
            #expect(try client.readResponse().text == "inline 1 pool=false")
            #expect(try client.readResponse().text == "inline 2 pool=false")
            #expect(try client.readResponse().text == "inline 3 pool=false")
            #expect(client.waitForClose())
        }
    }

    @Test func aThrowingInlineHandlerIsA500AndTheConnectionStaysUsable() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET /throws HTTP/1.1\r\nHost: x\r\n\r\nGET /inline/4 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 500)
            #expect(try client.readResponse().text == "inline 4 pool=false")
        }
    }

    @Test func deadlinesStillApplyAfterInlineAnswers() async throws {
        try await withServer(HTTPServer.Configuration(timeouts: quickTimeouts(0.4)), router: Self.router()) { server in
            let idle = try RawConnection(port: server.port)
            try idle.send("GET /inline/1 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try idle.readResponse().status == 200)
            #expect(idle.waitForClose())
            let partial = try RawConnection(port: server.port)
            try partial.send("GET /inline/2 HTTP/1.1\r\nHost: x\r\n\r\nGET /inline/3 HTTP/1.1\r\nHost: x\r\nX-Half: ")
            #expect(try partial.readResponse().text == "inline 2 pool=false")
            #expect(try partial.readResponse().status == 408)
            #expect(partial.waitForClose())
        }
    }

    /// Lets a handler wait until the test opens it (no timing involved).
    final class Gate: @unchecked Sendable {
        // Safe: `waiter` and `open` are only touched under `lock`.
        private let lock = NSLock()
        private var waiter: CheckedContinuation<Void, Never>?
        private var opened = false

        var isWaiting: Bool { lock.withLock { waiter != nil } }

        func wait() async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = lock.withLock {
                    if opened { return true }
                    waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }

        func open() {
            let waiting = lock.withLock {
                opened = true
                defer { waiter = nil }
                return waiter
            }
            waiting?.resume()
        }
    }

    @Test func shutdownWhileAnInlineHandlerIsSuspendedAnswersWithClose() async throws {
        let gate = Gate()
        var router = Self.router()
        router.get("/gate", inline: true) { _, _ in
            await gate.wait()
            return .text("opened pool=\(Self.onHandlerPool())")
        }
        let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), router: router)
        try server.start()
        let client = try RawConnection(port: server.port)
        try client.send("GET /gate HTTP/1.1\r\nHost: x\r\n\r\n")
        for _ in 0..<2000 where !gate.isWaiting { try await Task.sleep(for: .milliseconds(5)) }
        #expect(gate.isWaiting)
        async let stopped: Void = server.shutdown(deadline: .seconds(10))
        for _ in 0..<2000 where !server.isShuttingDown { try await Task.sleep(for: .milliseconds(5)) }
        gate.open()
        let response = try client.readResponse()
        #expect(response.text == "opened pool=true")
        #expect(response.header("connection") == "close")
        #expect(client.waitForClose())
        await stopped
    }

    /// An inline handler that suspended and is resumed by another inline handler of the same
    /// loop finishes inside that one's drain: its answer must still reach its own client (it
    /// was parked as the other connection's inline response and never sent).
    @Test func inlineHandlerResumedByAnotherInlineHandlerStillAnswers() async throws {
        let (stream, gate) = AsyncStream<Void>.makeStream()
        var router = Router()
        router.get("/wait", inline: true) { _, _ in
            for await _ in stream { break }
            return .text("waited")
        }
        router.get("/open", inline: true) { _, _ in
            gate.yield()
            return .text("opened")
        }
        var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
        configuration.ioQueueCount = 1 // both connections on one loop
        try await withServer(configuration, router: router) { server in
            let waiting = try RawConnection(port: server.port, timeout: 3)
            try waiting.send("GET /wait HTTP/1.1\r\nHost: x\r\n\r\n")
            try await Task.sleep(for: .milliseconds(200)) // /wait has suspended
            let opener = try RawConnection(port: server.port, timeout: 3)
            try opener.send("GET /open HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try opener.readResponse().text == "opened")
            #expect(try waiting.readResponse().text == "waited")
        }
    }
}
