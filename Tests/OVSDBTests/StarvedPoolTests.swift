import Foundation
import OVNSandbox
import OVSDB
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Waiting for a connection while the cooperative pool is starved: the starved time moves the
/// wait's deadline (the connection's own tasks were starved too), but a transaction must go on
/// with that moved deadline, and no wait may grow past twice its timeout (review of e6d3074).
@Suite(.serialized) struct StarvedPoolTests {
    /// Every pool thread blocked 300 ms at a time, yielding in between, until `until`.
    static func starve(until: Date) -> [Task<Void, Never>] {
        (0..<(ProcessInfo.processInfo.activeProcessorCount * 2)).map { _ in
            Task.detached { while Date() < until { usleep(300_000); await Task.yield() } }
        }
    }

    @Test func aTransactionThatFailsWasNotApplied() async throws {
        try await withOVN(.northboundOnly) { sandbox in
            try await TestClient.with(sandbox.nbRemote) { client in
                let pidText = try String(contentsOfFile: sandbox.path("nb.pid"), encoding: .utf8)
                let pid = try #require(pid_t(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
                kill(pid, SIGKILL)
                try await waitUntil(timeout: 10) { !processIsAlive(pid) && !client.isReady }
                try sandbox.start(.northboundOnly)
                let blockers = Self.starve(until: Date().addingTimeInterval(3))
                // The reconnect completes while the waiter is starved: sent past its original
                // deadline, the transaction got a 1 ms timeout and failed although NB applied it.
                let result = await Task {
                    try await client.transact(Transaction([.insert(NB.LogicalSwitch(name: "late"))], timeout: 1))
                }.result
                for blocker in blockers { await blocker.value }
                try await Task.sleep(for: .milliseconds(500))
                let applied = try sandbox.nbctl("--bare", "--columns=name", "find", "Logical_Switch", "name=late").contains("late")
                if case .failure(let error) = result { #expect(!applied, "transact threw \(error) but NB holds the row") }
            }
        }
    }

    @Test func aStarvedWaitStillEndsWithinTwiceItsTimeout() async throws {
        var configuration = try OVSDBClient.Configuration(remotes: "tcp:127.0.0.1:\(freeLoopbackPort())")
        configuration.backoff = Backoff(initial: 0.05, maximum: 0.1)
        configuration.logger.logLevel = .critical
        let client = OVSDBClient(configuration)
        client.start()
        let blockers = Self.starve(until: Date().addingTimeInterval(3))
        let start = Date()
        await #expect(throws: OVSDBError.notConnected) { try await client.waitUntilReady(timeout: 0.5) }
        let waited = Date().timeIntervalSince(start)
        for blocker in blockers { await blocker.value }
        await client.stop()
        // At most 0.5 s + 0.5 s of starved time, plus the last 300 ms oversleep; without the
        // bound the wait lasted as long as the starvation (3 s).
        #expect(waited < 2.2, "waitUntilReady(timeout: 0.5) returned after \(waited) s")
    }
}
