import Foundation

/// A fixed pool of threads the server owns, used as the task executor of every handler task.
///
/// Handlers may block (a synchronous SQLite call, a slow lock): that costs one of our threads, but
/// never a Dispatch global-queue thread (whose pool grows by ~1 thread/s on Linux) and never an
/// I/O queue. Async waits inside a handler release the thread.
final class HandlerExecutor: TaskExecutor, @unchecked Sendable {
    // Safe: `jobs`, `head` and `stopping` are only touched while holding `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var head = 0
    private var stopping = false
    private var running: Int

    init(threads: Int, name: String) {
        running = threads
        for index in 0..<threads {
            let thread = Thread { [self] in work() }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        enqueue(UnownedJob(job))
    }

    /// Also used by `InlineExecutor` for jobs of inline handlers that suspended.
    func enqueue(_ job: UnownedJob) {
        condition.lock()
        jobs.append(job)
        let orphaned = running == 0
        condition.signal()
        condition.unlock()
        // After `stop()` the threads are gone; a late job (a handler finishing past the shutdown
        // deadline) still has to run, so it gets a thread of its own.
        if orphaned { Thread.detachNewThread { [self] in work() } }
    }

    /// Lets the threads exit once the queue is empty.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    /// Marks the pool's threads (tests check where a handler ran).
    private static let poolThreadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// True on a thread of some handler pool.
    static var isPoolThread: Bool { pthread_getspecific(poolThreadKey) != nil }

    private func work() {
        pthread_setspecific(Self.poolThreadKey, UnsafeRawPointer(bitPattern: 1))
        // Signals belong to Dispatch's signal sources (graceful shutdown); a thread of ours
        // that accepted a process-directed SIGTERM would let it be discarded as ignored.
        var all = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_BLOCK, &all, nil)
        while let job = take() {
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    private func take() -> UnownedJob? {
        condition.lock()
        defer { condition.unlock() }
        while head == jobs.count {
            if stopping {
                running = Swift.max(0, running - 1)
                return nil
            }
            condition.wait()
        }
        let job = jobs[head]
        head += 1
        if head == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024, head * 2 >= jobs.count {
            jobs.removeSubrange(0..<head)
            head = 0
        }
        return job
    }
}
