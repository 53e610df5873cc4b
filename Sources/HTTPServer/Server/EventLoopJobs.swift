/// Work handed to an `EventLoop` from any thread (kept under the loop's mutex).
struct EventLoopJobs {
    typealias Job = @Sendable () -> Void

    var jobs: [Job] = []
    /// The loop thread has exited; later jobs run elsewhere (see `EventLoop.execute`).
    var stopped = false
}
