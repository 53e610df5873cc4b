import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs the handler of an inline route on its connection's loop thread until the handler first
/// suspends; whatever runs after a suspension goes to the handler pool.
///
/// The connection brackets the creation of the handler task with `begin()` and `drain()`: jobs
/// enqueued on that thread in between (the task's first job, and any it re-enqueues without
/// waiting on another thread) are kept in a local list and run by `drain()` right there. A job
/// enqueued from any other thread — a continuation resumed by the database, an actor, a timer —
/// is handed to the pool as usual (a job resumed by another inline handler of the same loop runs
/// in that handler's drain, so a response is only kept for the drain's own connection: see
/// `drainingOwner`). A handler that never suspends therefore costs no thread
/// hand-off at all (no futex wake on the way out, no `execute` hop on the way back), which was
/// ~40 % of a trivial request's CPU (benchmarks/RESULTS.md).
final class InlineExecutor: TaskExecutor, @unchecked Sendable {
    // Safe: `jobs` is only touched by the thread whose id is in `drainingThread` (checked in
    // `enqueue`), i.e. the loop thread of the shard between `begin()` and the end of
    // `drain()`; every other thread goes to `pool`. `drainingThread` itself is atomic.
    // `drainingOwner` is only read and written on that same loop thread.
    private let pool: HandlerExecutor
    private let drainingThread = Atomic<UInt>(0)
    private var jobs: [UnownedJob] = []
    /// The connection whose request is being drained (loop thread only).
    private(set) var drainingOwner: ObjectIdentifier?

    init(pool: HandlerExecutor) {
        self.pool = pool
    }

    /// True on the thread currently draining (a task finishing inline can deliver its result
    /// directly instead of hopping to the loop it is already on).
    var isDrainingOnCurrentThread: Bool {
        drainingThread.load(ordering: .relaxed) == UInt(pthread_self())
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        if isDrainingOnCurrentThread {
            jobs.append(job)
        } else {
            pool.enqueue(job)
        }
    }

    /// Called on the loop thread just before the handler task is created.
    func begin(owner: ObjectIdentifier) {
        drainingOwner = owner
        drainingThread.store(UInt(pthread_self()), ordering: .relaxed)
    }

    /// Runs the jobs enqueued on this thread since `begin()` until none is left, then stops
    /// catching jobs: from here on the task, if it suspended, continues on the pool.
    func drain() {
        var index = 0
        while index < jobs.count {
            let job = jobs[index]
            index += 1
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
        jobs.removeAll(keepingCapacity: true)
        drainingOwner = nil
        drainingThread.store(0, ordering: .relaxed)
    }
}
