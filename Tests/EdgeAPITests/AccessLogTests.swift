import EdgeAPI
import EdgeStore
import Foundation
import HTTPServer
import Logging
import TestSupport
import Testing

/// The access log is written off the request path; every request still gets its line, in order.
@Suite struct AccessLogTests {
    final class Lines: LogHandler, @unchecked Sendable {
        // Safe: `lines` is only touched under `lock`; the rest is set before the server starts.
        private let lock = NSLock()
        private var lines: [String] = []
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
            guard message.description == "request", let explicit else { return }
            lock.withLock { lines.append("\(explicit["method"] ?? "") \(explicit["path"] ?? "") \(explicit["status"] ?? "")") }
        }

        var all: [String] { lock.withLock { lines } }
    }

    @Test func everyRequestIsLoggedInOrder() async throws {
        let folder = try TemporaryDirectory(prefix: "access-log")
        defer { folder.remove() }
        let store = try Store.open(dataDirectory: folder.path)
        defer { try? store.close() }
        try store.migrate()
        let lines = Lines()
        var router = Router()
        RESTAPI(store: store, signals: StoreSignals(), options: APIOptions(accessLog: true)).register(into: &router)
        let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), router: router, logger: Logger(label: "test") { _ in lines })
        try server.start()
        let port = UInt16(server.port)
        let expected = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[String], any Error>) in
            Thread {
                continuation.resume(with: Result {
                    let client = HTTPTestClient(port: port)
                    var expected: [String] = []
                    for index in 0..<50 {
                        let path = index % 2 == 0 ? "/v1/eips/nope-\(index)" : "/v1/eips"
                        let response = try client.send("GET", path)
                        expected.append("GET \(path) \(response.status)")
                    }
                    return expected
                })
            }.start()
        }
        // Lines wait ~1 ms for their writer's pass; the flush `serve` runs at exit writes them now.
        RESTAPI.flushAccessLog()
        #expect(lines.all == expected)
        await server.shutdown(deadline: .seconds(2))
    }
}
