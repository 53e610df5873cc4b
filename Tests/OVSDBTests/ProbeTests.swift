import Foundation
import Testing
import TestSupport
import OVSDB
#if canImport(Glibc)
import Glibc
#endif

/// The client's inactivity probe notices a server that stopped answering (SIGSTOP), and the
/// client comes back once it answers again.
@Suite struct ProbeTests {
    @Test func probeDropsASilentServerAndReconnects() async throws {
        let port = freeLoopbackPort()
        try await withOVSDBServer(extraRemotes: ["ptcp:\(port):127.0.0.1"]) { server in
            try await TestClient.with("tcp:127.0.0.1:\(port)", configure: { $0.inactivityProbe = 0.3; $0.requestTimeout = 5 }) { client in
                let pid = try #require(server.pid)
                let events = client.events()
                kill(pid, SIGSTOP)
                defer { kill(pid, SIGCONT) }
                var reason = ""
                for await event in events {
                    if case .disconnected(let why) = event { reason = why; break }
                }
                #expect(reason.contains("inactivity probe"))
                kill(pid, SIGCONT)
                try await client.waitUntilReady(timeout: 30)
                _ = try await client.transact([.insert(NB.LogicalSwitch(name: "after-probe"))])
                #expect(client.cache.snapshot().named(NB.LogicalSwitch.self, "after-probe").count == 1)
                #expect(client.connectionCount >= 2)
            }
        }
    }
}
