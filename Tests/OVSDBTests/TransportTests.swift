import Foundation
import Testing
import TestSupport
import OVSDB

/// TCP and TLS remotes against real servers, and remote-list parsing.
@Suite struct TransportTests {
    @Test func tcpTransportAnswersTheServerProbe() async throws {
        let port = freeLoopbackPort()
        try await withOVSDBServer(extraRemotes: ["ptcp:\(port):127.0.0.1"]) { server in
            // No client probe: the connection stays up only if the client answers the
            // server's own echo (sent after 5 s idle, disconnect at 10 s).
            try await TestClient.with("tcp:127.0.0.1:\(port)", configure: { $0.inactivityProbe = nil }) { client in
                #expect(client.connectedRemote == .tcp(host: "127.0.0.1", port: port))
                _ = try await client.transact([.insert(NB.LogicalSwitch(name: "over-tcp"))])
                try await Task.sleep(nanoseconds: 11_500_000_000)
                #expect(client.connectionCount == 1 && client.isReady)
                #expect(client.cache.snapshot().named(NB.LogicalSwitch.self, "over-tcp").count == 1)
                #expect(try await client.echo(["still", "here"]) == ["still", "here"])
            }
            // With a client probe shorter than the server's, the client's echoes keep it alive too.
            try await TestClient.with("tcp:127.0.0.1:\(port)", configure: { $0.inactivityProbe = 0.3 }) { client in
                try await Task.sleep(nanoseconds: 1_500_000_000)
                #expect(client.connectionCount == 1 && client.isReady)
            }
        }
    }

    @Test func sslTransportWithClientCertificate() async throws {
        let folder = try TemporaryDirectory(prefix: "pki")
        defer { folder.remove() }
        let certificates = try TestCertificates(directory: folder.path)
        let port = freeLoopbackPort()
        try await withOVSDBServer(extraRemotes: ["pssl:\(port):127.0.0.1"], extraArguments: certificates.serverArguments) { server in
            let tls = TLSConfiguration(privateKeyPath: certificates.clientKey, certificatePath: certificates.clientCertificate,
                                       caCertificatePath: certificates.caCertificate)
            try await TestClient.with("ssl:127.0.0.1:\(port)", configure: { $0.tls = tls }) { client in
                #expect(client.connectedRemote == .ssl(host: "127.0.0.1", port: port))
                let lb = NB.LoadBalancer(name: "tls-lb", vips: ["172.16.0.1:443": "10.0.0.1:8443"], protocol: "tcp")
                _ = try await client.transact([.insert(lb)])
                #expect(client.cache.snapshot().get(NB.LoadBalancer.self, lb.uuid)?.vips == lb.vips)
                // A big reply over TLS (exercises partial reads/writes).
                let many = (0..<2000).map { OVSDBOperation.insert(NB.LogicalSwitch(name: "ls\($0)", otherConfig: ["pad": String(repeating: "x", count: 200)])) }
                _ = try await client.transact(many)
                #expect(client.cache.snapshot()["Logical_Switch"].count == 2000)
            }
            // Without the CA that signed the server, the handshake fails.
            let wrong = TLSConfiguration(privateKeyPath: certificates.clientKey, certificatePath: certificates.clientCertificate,
                                         caCertificatePath: certificates.clientCertificate)
            var configuration = try OVSDBClient.Configuration(remotes: "ssl:127.0.0.1:\(port)")
            configuration.tls = wrong
            configuration.backoff = Backoff(initial: 0.05, maximum: 0.1)
            configuration.logger.logLevel = .error
            let client = OVSDBClient(configuration)
            client.start()
            await #expect(throws: OVSDBError.notConnected) { try await client.waitUntilReady(timeout: 1) }
            await client.stop()
        }
    }

    @Test func remoteLists() throws {
        #expect(try Remote.list("tcp:10.0.0.1:6641, ssl:[::1]:6641,unix:/run/nb.sock") == [
            .tcp(host: "10.0.0.1", port: 6641), .ssl(host: "::1", port: 6641), .unix(path: "/run/nb.sock"),
        ])
        #expect(Remote.ssl(host: "::1", port: 6641).description == "ssl:[::1]:6641")
        for bad in ["", "tcp:host", "tcp:host:99999", "http://x", "unix:"] {
            #expect(throws: OVSDBError.self) { _ = try Remote.list(bad) }
        }
        let backoff = Backoff(initial: 1, maximum: 8)
        #expect((1...6).map { backoff.delay(round: $0) } == [1, 2, 4, 8, 8, 8])
    }
}
