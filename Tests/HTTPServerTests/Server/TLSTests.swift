import Foundation
import HTTPServer
import Testing
import TestSupport

/// HTTPS through OpenSSL with a throwaway self-signed certificate, driven by curl and
/// `openssl s_client` as real clients.
@Suite(.serialized) struct TLSTests {
    struct Certificate {
        let directory: TemporaryDirectory
        var certificate: String { directory.path + "/cert.pem" }
        var key: String { directory.path + "/key.pem" }
    }

    static func makeCertificate() throws -> Certificate {
        let directory = try TemporaryDirectory(prefix: "tls")
        let result = Certificate(directory: directory)
        try ProcessRunner.run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", result.key, "-out", result.certificate, "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ])
        return result
    }

    static func router() -> Router {
        var router = Router()
        router.get("/hello/{name}") { request, context in .text("hello \(request.pathParameters["name"]!) tls=\(context.isTLS)") }
        router.post("/echo", bodyLimit: 4 * 1024 * 1024) { request, _ in Response(bytes: request.body) }
        router.get("/big") { _, _ in Response(bytes: [UInt8](repeating: 0x62, count: 2 * 1024 * 1024)) }
        return router
    }

    func withTLSServer(_ body: (HTTPServer, Certificate) async throws -> Void) async throws {
        let certificate = try Self.makeCertificate()
        defer { certificate.directory.remove() }
        let configuration = HTTPServer.Configuration(tls: TLSConfiguration(certificateChainFile: certificate.certificate, privateKeyFile: certificate.key))
        try await withServer(configuration, router: Self.router()) { server in try await body(server, certificate) }
    }

    @Test func curlOverTLSReusesTheConnection() async throws {
        try await withTLSServer { server, certificate in
            let base = "https://127.0.0.1:\(server.port)"
            let output = try ProcessRunner.run("/usr/bin/curl", [
                "-sS", "--cacert", certificate.certificate, "\(base)/hello/a", "-w", " %{num_connects}\n", "\(base)/hello/b", "-w", " %{num_connects}\n",
            ])
            #expect(output == "hello a tls=true 1\nhello b tls=true 0\n")
        }
    }

    @Test func largeBodiesBothWays() async throws {
        try await withTLSServer { server, certificate in
            let file = certificate.directory.path + "/body.bin"
            let body = Data((0..<(3 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 * 7) })
            try body.write(to: URL(fileURLWithPath: file))
            let echoed = certificate.directory.path + "/echoed.bin"
            try ProcessRunner.run("/usr/bin/curl", [
                "-sS", "--fail", "--cacert", certificate.certificate, "--data-binary", "@\(file)", "-H", "Content-Type: application/octet-stream",
                "-o", echoed, "https://127.0.0.1:\(server.port)/echo",
            ])
            #expect(try Data(contentsOf: URL(fileURLWithPath: echoed)) == body)
            let big = try ProcessRunner.run("/usr/bin/curl", ["-sS", "--fail", "--cacert", certificate.certificate, "https://127.0.0.1:\(server.port)/big"])
            #expect(big.utf8.count == 2 * 1024 * 1024)
        }
    }

    @Test func pipelinedRequestsInOneRecord() async throws {
        try await withTLSServer { server, certificate in
            let requests = "GET /hello/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /hello/2 HTTP/1.1\r\nHost: x\r\n\r\nGET /hello/3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            let input = certificate.directory.path + "/requests.txt"
            try requests.write(toFile: input, atomically: true, encoding: .utf8)
            let output = try ProcessRunner.run("/bin/sh", ["-c",
                "/usr/bin/openssl s_client -quiet -ign_eof -connect 127.0.0.1:\(server.port) -CAfile \(certificate.certificate) -verify_return_error < \(input) 2>/dev/null",
            ])
            let bodies = output.components(separatedBy: "\r\n\r\n").dropFirst().map { $0.prefix(while: { $0 != "H" }) }
            #expect(bodies == ["hello 1 tls=true", "hello 2 tls=true", "hello 3 tls=true"])
        }
    }

    @Test func plainTextOnTheTLSPortIsDropped() async throws {
        try await withTLSServer { server, _ in
            let client = try RawConnection(port: server.port, timeout: 5)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(client.waitForClose())
        }
    }
}
