import Foundation
import Testing
import TestSupport

/// The real binary: first-start admin token, the token command, `--no-auth` on loopback only,
/// TLS with curl, config precedence, OVSDB SSL settings.
@Suite struct OperationsTests {
    static var binary: String { ProcessRunner.ovnEdgeBinary() }

    /// A system tool by absolute path (processes are spawned without a PATH search).
    static func tool(_ name: String) -> String {
        ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? name
    }

    @Test func firstStartWritesAnOwnerOnlyAdminTokenAndTheTokenCommandManagesTokens() async throws {
        let service = try await ServiceProcess()
        defer { service.stop() }
        let path = service.dataDirectory.path + "/admin.token"
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)
        #expect(mode.intValue & 0o777 == 0o600)
        #expect(try service.client().send("GET", "/v1/eips").status == 200)
        #expect(try service.anonymousClient().send("GET", "/v1/eips").status == 401)

        // token create prints only the secret on stdout; list never shows it.
        let data = ["--data-dir", service.dataDirectory.path]
        let created = try ProcessRunner.result(Self.binary, ["token", "create", "--role", "viewer", "--project", "alpha", "--name", "ci-viewer"] + data)
        #expect(created.status == 0, "\(created.stderr)")
        let bearer = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(bearer.hasPrefix("oe_"))
        let list = try ProcessRunner.run(Self.binary, ["token", "list"] + data)
        #expect(list.contains("ci-viewer") && list.contains("alpha") && list.contains("admin") && !list.contains(bearer))

        let viewer = service.anonymousClient()
        viewer.defaultHeaders["Authorization"] = "Bearer \(bearer)"
        #expect(try viewer.send("GET", "/v1/eips").status == 200)
        #expect(try viewer.send("POST", "/v1/eips", json: ["network": "x"]).status == 403)
        _ = try ProcessRunner.run(Self.binary, ["token", "revoke", "ci-viewer"] + data)
        let revoked = try viewer.send("GET", "/v1/eips")
        #expect(revoked.status == 401 && revoked.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
        #expect(try ProcessRunner.run(Self.binary, ["token", "list", "--all"] + data).contains("ci-viewer"))
        #expect(try !ProcessRunner.run(Self.binary, ["token", "list"] + data).contains("ci-viewer"))
        #expect(service.stop() == 0)
    }

    @Test func noAuthIsRefusedOffLoopbackAndServesAnonymouslyOnIt() async throws {
        let folder = try TemporaryDirectory(prefix: "noauth")
        defer { folder.remove() }
        for listen in ["0.0.0.0:0", "[::]:0", "192.0.2.1:0"] {
            let refused = try ProcessRunner.result(Self.binary, ["serve", "--no-auth", "--listen", listen, "--data-dir", folder.path])
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("--no-auth is refused"), "\(refused.stderr)")
        }
        let env = try ProcessRunner.result(Self.binary, ["serve", "--listen", "0.0.0.0:0", "--data-dir", folder.path],
                                          environment: ProcessInfo.processInfo.environment.merging(["OVN_EDGE_NO_AUTH": "true"]) { $1 })
        #expect(env.status != 0 && env.stderr.contains("--no-auth is refused"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/ovn"), "refused before starting anything")

        let service = try await ServiceProcess(arguments: ["--no-auth"])
        defer { service.stop() }
        #expect(service.adminToken == nil)
        #expect(try service.anonymousClient().send("GET", "/v1/eips").status == 200)
    }

    @Test func tlsListenerServesCurl() async throws {
        let folder = try TemporaryDirectory(prefix: "tls")
        defer { folder.remove() }
        let cert = folder.path + "/cert.pem", key = folder.path + "/key.pem"
        _ = try ProcessRunner.run(Self.tool("openssl"), ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                          "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
                                          "-addext", "subjectAltName=IP:127.0.0.1"])
        let service = try await ServiceProcess(arguments: ["--tls-cert", cert, "--tls-key", key])
        defer { service.stop() }
        #expect(service.process.output.contains("listening on https://"))
        let base = "https://127.0.0.1:\(service.port)"
        let health = try ProcessRunner.result(Self.tool("curl"), ["-sS", "--cacert", cert, "-o", "/dev/null", "-w", "%{http_code}", base + "/healthz"])
        #expect(health.stdout == "200", "\(health.stderr)")
        let token = try #require(service.adminToken)
        let eips = try ProcessRunner.result(Self.tool("curl"), ["-sS", "--cacert", cert, "-H", "Authorization: Bearer \(token)", base + "/v1/eips"])
        #expect(eips.stdout.contains("\"items\""), "\(eips.stderr)")
        let anonymous = try ProcessRunner.result(Self.tool("curl"), ["-sS", "--cacert", cert, "-o", "/dev/null", "-w", "%{http_code}", base + "/v1/eips"])
        #expect(anonymous.stdout == "401")
        // Plain HTTP on the TLS port gets nowhere.
        let plain = try ProcessRunner.result(Self.tool("curl"), ["-sS", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(service.port)/healthz"])
        #expect(plain.stdout != "200")
    }

    @Test func configPrecedenceIsFlagThenEnvironmentThenFile() throws {
        let folder = try TemporaryDirectory(prefix: "cfg")
        defer { folder.remove() }
        let file = folder.path + "/ovn-edge.conf"
        try """
        # all three sources set listen; env and file set rate-limit; only the file sets data-dir
        listen = 127.0.0.1:7001
        rate-limit = 5
        data-dir = "\(folder.path)/from-file"
        log-level = warning
        io-threads = 3
        """.write(toFile: file, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("OVN_EDGE_") || $0.key == "OVN_EDGE_BINARY" }
        environment["OVN_EDGE_LISTEN"] = "127.0.0.1:7002"
        environment["OVN_EDGE_RATE_LIMIT"] = "7"
        let output = try ProcessRunner.run(Self.binary, ["serve", "--config", file, "--listen", "127.0.0.1:7003", "--print-config"], environment: environment)
        #expect(output.contains("listen = 127.0.0.1:7003  # flag"), "\(output)")
        #expect(output.contains("rate-limit = 7  # env"), "\(output)")
        #expect(output.contains("data-dir = \(folder.path)/from-file  # file"), "\(output)")
        #expect(output.contains("log-level = warning  # file"), "\(output)")
        #expect(output.contains("rate-burst = nil  # default"), "\(output)")
        #expect(output.contains("io-threads = 3  # file"), "\(output)")
        // The config file may also come from the environment; unknown keys are refused.
        environment["OVN_EDGE_CONFIG"] = file
        #expect(try ProcessRunner.run(Self.binary, ["serve", "--print-config"], environment: environment).contains("listen = 127.0.0.1:7002  # env"))
        try "lisen = 127.0.0.1:1\n".write(toFile: file, atomically: true, encoding: .utf8)
        let typo = try ProcessRunner.result(Self.binary, ["serve", "--print-config"], environment: environment)
        #expect(typo.status != 0 && typo.stderr.contains("unknown key lisen"), "\(typo.stderr)")
        // --help documents every option with its environment variable.
        let help = try ProcessRunner.run(Self.binary, ["serve", "--help"])
        for name in ["OVN_EDGE_LISTEN", "OVN_EDGE_DATA_DIR", "OVN_EDGE_OVN_NB", "OVN_EDGE_OVN_CA", "OVN_EDGE_OVN_CERT", "OVN_EDGE_OVN_KEY",
                     "OVN_EDGE_TLS_CERT", "OVN_EDGE_TLS_KEY", "OVN_EDGE_NO_AUTH", "OVN_EDGE_RATE_LIMIT", "OVN_EDGE_RATE_BURST",
                     "OVN_EDGE_LOG_LEVEL", "OVN_EDGE_CONFIG", "OVN_EDGE_ADMIN_TOKEN_FILE", "OVN_EDGE_IO_THREADS"] {
            #expect(help.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ").contains(name), "\(name) missing from --help")
        }
    }

    @Test func sslRemotesNeedTheirFiles() throws {
        let folder = try TemporaryDirectory(prefix: "ssl")
        defer { folder.remove() }
        let missing = try ProcessRunner.result(Self.binary, ["serve", "--ovn-nb", "ssl:127.0.0.1:6641", "--data-dir", folder.path, "--print-config"])
        #expect(missing.status != 0 && missing.stderr.contains("--ovn-ca, --ovn-cert and --ovn-key"), "\(missing.stderr)")
        let config = try ProcessRunner.run(Self.binary, ["serve", "--ovn-nb", "ssl:127.0.0.1:6641", "--ovn-ca", "ca.pem", "--ovn-cert", "c.pem",
                                                         "--ovn-key", "k.pem", "--data-dir", folder.path, "--print-config"])
        #expect(config.contains("ovn-nb = ssl:127.0.0.1:6641  # flag") && config.contains("ovn-ca = ca.pem  # flag"))
    }
}
