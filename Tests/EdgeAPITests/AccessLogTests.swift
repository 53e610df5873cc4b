import EdgeAPI
import EdgeLogging
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

        func log(event: LogEvent) {
            guard event.message.description == "request", let explicit = event.metadata else { return }
            lock.withLock { lines.append("\(explicit["method"] ?? "") \(explicit["path"] ?? "") \(explicit["status"] ?? "")") }
        }

        var all: [String] { lock.withLock { lines } }
    }

    @Test func everyRequestIsLoggedInOrder() async throws {
        let lines = Lines()
        let expected = try await sendRequests(logger: Logger(label: "test") { _ in lines })
        #expect(lines.all == expected)
    }

    /// serve's handler: the lines are rendered and written in batches, still one per request, in order.
    @Test func lineLogHandlerGetsEveryLineInOrder() async throws {
        let pipe = Pipe()
        let output = LogOutput(descriptor: pipe.fileHandleForWriting.fileDescriptor)
        let expected = try await sendRequests(logger: Logger(label: "ovn-edge.http") { label in
            LineLogHandler(label: label, level: .info, output: output, metadataProvider: nil)
        })
        try pipe.fileHandleForWriting.close()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        // The server's own lines (started, stopped) go to the same output.
        let requests = text.split(separator: "\n").filter { $0.hasSuffix(" [EdgeAPI] request") }
        let logged = requests.map { line in
            let fields = Dictionary(line.split(separator: " ").compactMap { field -> (String, String)? in
                let parts = field.split(separator: "=", maxSplits: 1)
                return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
            }, uniquingKeysWith: { first, _ in first })
            #expect(line.contains(" info ovn-edge.http: "))
            #expect(fields["request-id"]?.isEmpty == false && fields["remote"]?.hasPrefix("127.0.0.1:") == true)
            return "\(fields["method"] ?? "") \(fields["path"] ?? "") \(fields["status"] ?? "")"
        }
        #expect(logged == expected)
    }

    /// Sends 50 requests through a server logging with `logger`, flushes the access log and
    /// returns the lines expected ("METHOD path status"), in order.
    private func sendRequests(logger: Logger) async throws -> [String] {
        let folder = try TemporaryDirectory(prefix: "access-log")
        defer { folder.remove() }
        let store = try Store.open(dataDirectory: folder.path)
        defer { try? store.close() }
        try store.migrate()
        var router = Router()
        RESTAPI(store: store, signals: StoreSignals(), options: APIOptions(accessLog: true)).register(into: &router)
        let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), router: router, logger: logger)
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
        // Lines wait up to 10 ms for their writer's pass; the flush `serve` runs at exit writes them now.
        RESTAPI.flushAccessLog()
        await server.shutdown(deadline: .seconds(2))
        return expected
    }
}
