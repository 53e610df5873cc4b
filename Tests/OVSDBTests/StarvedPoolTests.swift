import Foundation
import OVSDB
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Waiting for a connection while the cooperative pool is starved: the starved time moves the
/// wait's deadline (the connection's own tasks were starved too), but no wait may grow past
/// twice its timeout (review of e6d3074). That `transact` goes on with the moved deadline is
/// not tested here: under starvation even a reply in time can be read late, so "a transaction
/// that timed out was not applied" does not hold for any client timeout.
@Suite(.serialized) struct StarvedPoolTests {
    /// Every pool thread blocked 300 ms at a time, yielding in between, until `until`.
    static func starve(until: Date) -> [Task<Void, Never>] {
        (0..<(ProcessInfo.processInfo.activeProcessorCount * 2)).map { _ in
            Task.detached { while Date() < until { usleep(300_000); await Task.yield() } }
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
