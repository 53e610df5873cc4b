import Foundation
import HTTPServer
import Testing

/// Streamed bodies: chunked framing, end on return, producer cancelled when the client leaves
/// or the server shuts down.
@Suite(.serialized) struct StreamingTests {
    actor Probe {
        var cancelled = false
        func markCancelled() { cancelled = true }
    }

    @Test func streamsChunksThenKeepsTheConnection() async throws {
        var router = Router()
        router.get("/events") { _, _ in
            .stream(headerFields: [.contentType: "text/event-stream"]) { writer in
                for index in 1...3 {
                    try await writer.write("data: \(index)\n\n")
                }
            }
        }
        router.get("/after") { _, _ in .text("after") }
        try await withServer(router: router) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.header("transfer-encoding") == "chunked")
            #expect(response.header("content-type") == "text/event-stream")
            #expect(response.text == "data: 1\n\ndata: 2\n\ndata: 3\n\n")
            try client.send("GET /after HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "after")
        }
    }

    @Test func http10StreamEndsWithClose() async throws {
        var router = Router()
        router.get("/events") { _, _ in
            .stream { writer in try await writer.write("one"); try await writer.write("two") }
        }
        try await withServer(router: router) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET /events HTTP/1.0\r\n\r\n")
            let text = try client.readToEnd()
            #expect(text.hasSuffix("\r\n\r\nonetwo"))
            #expect(!text.contains("Transfer-Encoding"))
        }
    }

    @Test func clientLeavingCancelsTheProducer() async throws {
        let probe = Probe()
        var router = Router()
        router.get("/events") { _, _ in
            .stream { writer in
                // The producer learns either way: cancellation of its sleep, or a failing write.
                do {
                    try await writer.write("hello")
                    try await Task.sleep(for: .seconds(30))
                } catch {
                    await probe.markCancelled()
                    throw error
                }
            }
        }
        try await withServer(router: router) { server in
            var client: RawConnection? = try RawConnection(port: server.port)
            try client!.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client!.readLine()
            client = nil
            try await waitFor { server.connectionCount == 0 }
            var cancelled = false
            for _ in 0..<200 where !cancelled {
                cancelled = await probe.cancelled
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(cancelled)
        }
    }

    @Test func shutdownEndsALongStream() async throws {
        var router = Router()
        router.get("/events") { _, _ in
            .stream { writer in
                while true {
                    try await writer.write(": keep-alive\n\n")
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
        }
        try await withServer(router: router) { server in
            let client = try RawConnection(port: server.port)
            try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readLine()
            await server.shutdown(deadline: .seconds(5))
            // The stream was ended properly (last chunk) and the connection closed.
            let rest = try client.readToEnd()
            #expect(rest.hasSuffix("0\r\n\r\n"))
        }
    }
}
