import HTTPServer
import Testing

@Suite struct SmokeTests {
    @Test func servesARouteWithPathParameters() async throws {
        var router = Router()
        router.get("/v1/eips/{id}") { request, _ in .text("eip \(request.pathParameters["id"] ?? "-")") }
        try await withServer(router: router) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET /v1/eips/abc HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "eip abc")
            #expect(response.header("date") != nil)
            #expect(response.header("x-request-id") != nil)
        }
    }
}
