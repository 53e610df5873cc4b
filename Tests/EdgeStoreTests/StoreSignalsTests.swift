import Synchronization
import Testing
@testable import EdgeStore

@Suite struct StoreSignalsTests {
    @Test func waiterWakesOnRaise() async {
        let signals = StoreSignals()
        let seen = signals.generation(.status)
        async let woken = signals.wait(.status, after: seen, timeout: .seconds(30))
        try? await Task.sleep(for: .milliseconds(20))
        signals.raise(.status)
        #expect(await woken == seen + 1)
    }

    @Test func raiseBeforeWaitIsNotLost() async {
        let signals = StoreSignals()
        let seen = signals.generation(.desiredState)
        signals.raise(.desiredState)
        #expect(await signals.wait(.desiredState, after: seen, timeout: .seconds(30)) == seen + 1)
    }

    @Test func channelsAreIndependentAndTimeoutReturnsCurrent() async {
        let signals = StoreSignals()
        signals.raise(.desiredState)
        let generation = await signals.wait(.status, after: 0, timeout: .milliseconds(30))
        #expect(generation == 0)
        #expect(signals.generation(.desiredState) == 1)
    }

    @Test func cancellationEndsTheWait() async {
        let signals = StoreSignals()
        let task = Task { await signals.wait(.status, after: 0, timeout: .seconds(60)) }
        try? await Task.sleep(for: .milliseconds(20))
        task.cancel()
        #expect(await task.value == 0)
    }

    @Test func observersAreCalledOnTheirChannelUntilRemoved() {
        let signals = StoreSignals()
        let calls = Calls()
        let id = signals.observe(.desiredState) { calls.count.withLock { $0 += 1 } }
        signals.raise(.desiredState)
        signals.raise(.status)
        signals.raise(.desiredState)
        #expect(calls.count.withLock { $0 } == 2)
        signals.removeObserver(id)
        signals.raise(.desiredState)
        #expect(calls.count.withLock { $0 } == 2)
        #expect(signals.generation(.desiredState) == 3)
    }

    @Test func manyWaitersAllWake() async {
        let signals = StoreSignals()
        await withTaskGroup(of: UInt64.self) { group in
            for _ in 0..<100 { group.addTask { await signals.wait(.status, after: 0, timeout: .seconds(30)) } }
            try? await Task.sleep(for: .milliseconds(50))
            signals.raise(.status)
            var results: [UInt64] = []
            for await value in group { results.append(value) }
            #expect(results.count == 100 && results.allSatisfy { $0 == 1 })
        }
    }
}

/// How often an observer was called (from whatever thread raised).
private final class Calls: Sendable {
    let count = Mutex(0)
}
