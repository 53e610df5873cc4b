import Foundation
import HTTPServer
import HTTPTypes
import Testing

/// Request/response behaviour over real sockets: routing answers, keep-alive, pipelining, HEAD,
/// 100-continue and the fields the server adds.
@Suite(.serialized) struct ExchangeTests {
    static func router() -> Router {
        var router = Router()
        router.get("/v1/eips/{id}") { request, context in
            .text("eip=\(request.pathParameters["id"] ?? "") rid=\(context.requestID) route=\(context.routePattern ?? "")")
        }
        router.get("/v1/eips") { request, _ in
            .text(request.queryItems.map { "\($0.name)=\($0.value ?? "nil")" }.joined(separator: ";"))
        }
        router.post("/echo") { request, _ in Response(bytes: request.body) }
        router.post("/small", bodyLimit: 4) { request, _ in Response(bytes: request.body) }
        router.get("/sleep/{ms}") { request, _ in
            try await Task.sleep(for: .milliseconds(Int(request.pathParameters["ms"]!)!))
            return .text("slept \(request.pathParameters["ms"]!)")
        }
        router.get("/fail") { _, _ in throw CancellationError() }
        router.get("/big") { _, _ in Response(bytes: [UInt8](repeating: 0x61, count: 3 * 1024 * 1024)) }
        router.post("/json") { request, _ in
            struct Input: Decodable { let name: String }
            struct Output: Encodable { let greeting: String }
            let input = try request.decodeJSON(Input.self)
            return try .json(Output(greeting: "hi \(input.name)"), status: .created)
        }
        return router
    }

    @Test func routesWithParametersAndDecodedQuery() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET /v1/eips/a%20b HTTP/1.1\r\nHost: x\r\nX-Request-ID: abc-123\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "eip=a b rid=abc-123 route=/v1/eips/{id}")
            #expect(response.header("x-request-id") == "abc-123")
            try client.send("GET /v1/eips?limit=2&name=a%2Bb+c&flag HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "limit=2;name=a+b c;flag=nil")
        }
    }

    @Test func everyResponseHasDateAndARequestID() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            var ids = Set<String>()
            for path in ["/v1/eips/1", "/nope", "/v1/eips/2"] {
                try client.send("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
                let response = try client.readResponse()
                let date = try #require(response.header("date"))
                #expect(date.hasSuffix(" GMT") && date.count == 29)
                ids.insert(try #require(response.header("x-request-id")))
            }
            #expect(ids.count == 3)
        }
    }

    @Test func pipelinedResponsesComeInRequestOrder() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            // The first handler is the slowest; answers must still come back in order.
            try client.send(
                "GET /sleep/300 HTTP/1.1\r\nHost: x\r\n\r\nPOST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                + "GET /sleep/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /v1/eips/9 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            )
            #expect(try client.readResponse().text == "slept 300")
            #expect(try client.readResponse().text == "abc")
            #expect(try client.readResponse().text == "slept 1")
            let last = try client.readResponse()
            #expect(last.text.hasPrefix("eip=9"))
            #expect(last.header("connection") == "close")
            #expect(client.waitForClose())
        }
    }

    @Test func requestsSentWithTheFinAreAllAnswered() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET /v1/eips/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /v1/eips/2 HTTP/1.1\r\nHost: x\r\n\r\n")
            client.shutdownWrite()
            #expect(try client.readResponse().text.hasPrefix("eip=1"))
            #expect(try client.readResponse().text.hasPrefix("eip=2"))
            #expect(client.waitForClose())
        }
    }

    @Test func http10ClosesUnlessKeepAlive() async throws {
        try await withServer(router: Self.router()) { server in
            let plain = try RawConnection(port: server.port)
            try plain.send("GET /v1/eips/1 HTTP/1.0\r\n\r\n")
            #expect(try plain.readResponse().header("connection") == "close")
            #expect(plain.waitForClose())
            let kept = try RawConnection(port: server.port)
            try kept.send("GET /v1/eips/1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try kept.readResponse().header("connection") == "keep-alive")
            try kept.send("GET /v1/eips/2 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try kept.readResponse().status == 200)
        }
    }

    @Test func headIsAnsweredByGetWithoutBody() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET /v1/eips/7 HTTP/1.1\r\nHost: x\r\nX-Request-ID: r1\r\n\r\n")
            let get = try client.readResponse()
            try client.send("HEAD /v1/eips/7 HTTP/1.1\r\nHost: x\r\nX-Request-ID: r1\r\n\r\n")
            let head = try client.readResponse(head: true)
            #expect(head.status == 200)
            #expect(head.header("content-length") == get.header("content-length"))
            #expect(head.header("content-type") == get.header("content-type"))
            // The next response starts right after the head: no body bytes were sent.
            try client.send("GET /v1/eips/8 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text.hasPrefix("eip=8"))
        }
    }

    @Test func methodNotAllowedListsAllow() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("DELETE /v1/eips/7 HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 405)
            #expect(response.header("allow") == "GET, HEAD")
            try client.send("GET /missing HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 404)
            try client.send("BREW /v1/eips/7 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 501)
        }
    }

    @Test func expectContinueGetsAnInterimResponse() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
            #expect(try client.readResponse().status == 100)
            try client.send("hello")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "hello")
        }
    }

    @Test func expectContinueOnAnUnknownRouteIsAnsweredAtOnce() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("POST /nowhere HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 404)
            #expect(response.header("connection") == "close")
            #expect(client.waitForClose())
        }
    }

    @Test func expectContinueOverTheLimitGets413WithoutInterim() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("POST /small HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
            #expect(try client.readResponse().status == 413)
            #expect(client.waitForClose())
        }
    }

    @Test func perRouteBodyLimit() async throws {
        try await withServer(router: Self.router()) { server in
            let ok = try RawConnection(port: server.port)
            try ok.send("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nabcd")
            #expect(try ok.readResponse().text == "abcd")
            let tooBig = try RawConnection(port: server.port)
            try tooBig.send("POST /small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n")
            #expect(try tooBig.readResponse().status == 413)
            #expect(tooBig.waitForClose())
        }
    }

    @Test func chunkedRequestBody() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=1\r\nde\r\n0\r\nT: v\r\n\r\n")
            #expect(try client.readResponse().text == "abcde")
        }
    }

    @Test func malformedRequestsGetTheirStatusAndAClose() async throws {
        let cases: [(String, Int)] = [
            ("GET / HTTP/1.1\r\n\r\n", 400),
            ("GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
            ("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
            ("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
            ("GET /\(String(repeating: "a", count: 9000)) HTTP/1.1\r\nHost: x\r\n\r\n", 414),
            ("GET / HTTP/1.1\r\nHost: x\r\nBig: \(String(repeating: "b", count: 17000))\r\n\r\n", 431),
            ("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n", 413),
        ]
        try await withServer(router: Self.router()) { server in
            for (request, status) in cases {
                let client = try RawConnection(port: server.port)
                try client.send(request)
                let response = try client.readResponse()
                #expect(response.status == status, "\(request.prefix(40))")
                #expect(response.header("connection") == "close")
                #expect(response.header("date") != nil)
                #expect(client.waitForClose())
            }
        }
    }

    @Test func handlerErrorsBecome500() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET /fail HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 500)
            try client.send("GET /v1/eips/1 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test func largeResponseIsWrittenCompletely() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
            try await Task.sleep(for: .milliseconds(200))  // let the socket buffer fill up first
            let response = try client.readResponse()
            #expect(response.body.count == 3 * 1024 * 1024)
            try client.send("GET /v1/eips/1 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test func jsonHelpers() async throws {
        try await withServer(router: Self.router()) { server in
            let client = try RawConnection(port: server.port)
            try client.send("POST /json HTTP/1.1\r\nHost: x\r\nContent-Length: 15\r\n\r\n{\"name\":\"edge\"}")
            let response = try client.readResponse()
            #expect(response.status == 201)
            #expect(response.header("content-type") == "application/json")
            #expect(response.text == "{\"greeting\":\"hi edge\"}")
        }
    }

    @Test func middlewareWrapsEveryHandlerIncluding404() async throws {
        var router = Self.router()
        enum Tag: RequestContextKey { typealias Value = String }
        router.use { request, context, next in
            var context = context
            context[Tag.self] = "outer"
            var response = try await next(request, context)
            response.headerFields[HTTPField.Name("X-Outer")!] = context.routePattern ?? "none"
            return response
        }
        router.use { request, context, next in
            var response = try await next(request, context)
            response.headerFields[HTTPField.Name("X-Inner")!] = context[Tag.self] ?? "missing"
            return response
        }
        try await withServer(router: router) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET /v1/eips/1 HTTP/1.1\r\nHost: x\r\n\r\n")
            let found = try client.readResponse()
            #expect(found.header("x-outer") == "/v1/eips/{id}")
            #expect(found.header("x-inner") == "outer")
            try client.send("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n")
            let missing = try client.readResponse()
            #expect(missing.status == 404)
            #expect(missing.header("x-outer") == "none")
        }
    }
}
