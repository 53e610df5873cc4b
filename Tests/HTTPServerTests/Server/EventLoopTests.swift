import Foundation
@testable import HTTPServer
import Synchronization
import Testing

/// `EventLoop.execute` from other threads: every job runs once, on the loop's thread, in the
/// order each thread submitted it — also when the loop keeps going to sleep in between (a lost
/// eventfd wake-up leaves a job waiting forever); jobs submitted after `stop()` still run.
@Suite struct EventLoopTests {
    final class Flag: Sendable {
        let raised = Atomic<Bool>(false)
    }

    final class Record: @unchecked Sendable {
        // Safe: touched only by the jobs, which run one at a time on the loop's thread; the
        // test reads it after a last job raised `Flag` (sequentially consistent atomic).
        var seen: [[Int]] = Array(repeating: [], count: 4)
        var threads = Set<UInt>()
    }

    @Test func everyJobRunsOnceInSubmissionOrder() async throws {
        let loop = try EventLoop(name: "test-loop")
        let record = Record()
        let perThread = 20_000
        await withTaskGroup(of: Void.self) { group in
            for producer in 0..<4 {
                group.addTask {
                    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                        Thread {
                            for index in 0..<perThread {
                                loop.execute {
                                    record.seen[producer].append(index)
                                    record.threads.insert(UInt(pthread_self()))
                                }
                                // Let the loop fall asleep now and then.
                                if index % 500 == 0 { usleep(1000) }
                            }
                            done.resume()
                        }.start()
                    }
                }
            }
        }
        // The loop is asleep by now: this job needs a wake-up.
        try await Task.sleep(for: .milliseconds(20))
        let last = Flag()
        loop.execute { last.raised.store(true, ordering: .sequentiallyConsistent) }
        let clock = ContinuousClock()
        let end = clock.now + .seconds(10)
        while !last.raised.load(ordering: .sequentiallyConsistent) && clock.now < end {
            try await Task.sleep(for: .milliseconds(5))
        }
        let ran = last.raised.load(ordering: .sequentiallyConsistent)
        try #require(ran, "the last job never ran: a wake-up was lost")
        for producer in 0..<4 { #expect(record.seen[producer] == Array(0..<perThread)) }
        #expect(record.threads.count == 1)
        loop.stop()
    }

    @Test func jobsAfterStopStillRun() async throws {
        let loop = try EventLoop(name: "test-loop")
        loop.stop()
        try await Task.sleep(for: .milliseconds(50))
        let ran = await withCheckedContinuation { (done: CheckedContinuation<Bool, Never>) in
            loop.execute { done.resume(returning: true) }
        }
        #expect(ran)
    }
}
