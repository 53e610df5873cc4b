import CLinuxEvents
import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One thread running `epoll_wait` over the sockets of one I/O shard and calling their handlers
/// right there, plus `execute` for work from other threads and a periodic tick (deadline sweep).
///
/// It replaces a serial DispatchQueue with read/write sources, where every readiness event went
/// through libdispatch's manager thread (its own epoll) and then woke a worker to drain the queue:
/// two thread hand-offs per event, ~20 % of a `/healthz` request's samples (benchmarks/RESULTS.md).
///
/// Level-triggered on purpose: a connection reads one buffer per event (connections of a shard
/// take turns) and relies on hearing again about bytes left in the socket; back-pressure is just
/// EPOLLIN dropped from the interest set. Edge-triggered would save nothing on the hot path (the
/// interest set changes only when a write blocks or reading pauses) but would oblige every reader
/// to drain to EAGAIN, and one that stopped early (input limit) would never be woken again.
final class EventLoop: @unchecked Sendable {
    // Safe: `epoll` and `wakeFD` are immutable; `retired`, `spareJobs`, `tick`, `stopRequested` and the
    // registrations are only touched on the loop's thread (every caller of `register`, `modify`,
    // `deregister`, `startTicking` runs there: in an event handler or a job); `queue` is a Mutex
    // and `sleepState` atomic.
    typealias Job = EventLoopJobs.Job

    private let epoll: Int32
    private let wakeFD: Int32
    private let queue = Mutex(EventLoopJobs())
    /// 0 running, 1 blocking (or about to) in `epoll_wait`, 2 a wake-up has been written.
    private let sleepState = Atomic<Int>(0)
    private var retired: [Unmanaged<EventRegistration>] = []
    private var spareJobs: [Job] = []
    private var tick: (interval: UInt64, next: UInt64, body: () -> Void)?
    private var stopRequested = false
    /// Whether the thread has returned, and who waits for it (`waitUntilExited`).
    private let exit = Mutex<(done: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))
    private static let eventCapacity = 128

    /// Jobs that arrive after the loop stopped (a handler finishing past the shutdown deadline)
    /// still run, one at a time, though only against connections that are closed by then.
    private static let lateJobs = DispatchQueue(label: "ovn-edge.http.io-late")

    init(name: String) throws(HTTPServerError) {
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epoll >= 0 else { throw .socket(operation: "epoll_create1", errno: errno) }
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard wakeFD >= 0 else {
            let code = errno
            close(epoll)
            throw .socket(operation: "eventfd", errno: code)
        }
        // The wake-up descriptor is the only entry whose data is null.
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.ptr = nil
        _ = epoll_ctl(epoll, EPOLL_CTL_ADD, wakeFD, &event)
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    /// The descriptors outlive the thread: a caller of `execute` that saw the loop asleep may
    /// write the eventfd after the loop ran its job and exited (it holds a reference meanwhile),
    /// and must not hit a closed descriptor or, worse, a socket that reused its number.
    deinit {
        close(wakeFD)
        close(epoll)
    }

    /// Monotonic nanoseconds (the clock of connection deadlines and of the tick).
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Runs `job` on the loop's thread, after the events and jobs already there. Callable from
    /// any thread; the eventfd is written only if the loop is (about to be) blocked in
    /// `epoll_wait` and nobody wrote it since, so a busy loop costs the caller one lock.
    func execute(_ job: @escaping Job) {
        let accepted = queue.withLock { state in
            guard !state.stopped else { return false }
            state.jobs.append(job)
            return true
        }
        guard accepted else {
            Self.lateJobs.async(execute: job)
            return
        }
        // Pairs with `waitTimeout`: the loop announces sleep before looking at the jobs, we look
        // at the announcement after adding ours, so at least one of us sees the other (the lock
        // orders both).
        if sleepState.compareExchange(expected: 1, desired: 2, ordering: .sequentiallyConsistent).exchanged {
            var one: UInt64 = 1
            _ = write(wakeFD, &one, MemoryLayout<UInt64>.size)
        }
    }

    /// Lets the thread exit once the jobs already queued have run; later jobs go to `lateJobs`.
    /// Returns once the loop's thread has returned (after `stop()`): a stopped server has no
    /// thread of its own left running.
    func waitUntilExited() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = exit.withLock { state in
                if !state.done { state.waiters.append(continuation) }
                return state.done
            }
            if done { continuation.resume() }
        }
    }

    func stop() {
        execute { [self] in
            stopRequested = true
            tick = nil
        }
    }
}

// MARK: - Registrations (loop thread only)

extension EventLoop {
    /// Watches `fd` for `interest` (EPOLL* bits); nil when epoll refuses it.
    func register(fd: Int32, interest: UInt32, handler: any EventHandler) -> EventRegistration? {
        let registration = EventRegistration(fd: fd, interest: interest, handler: handler)
        let retained = Unmanaged.passRetained(registration)
        var event = epoll_event()
        event.events = interest
        event.data.ptr = retained.toOpaque()
        guard epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event) == 0 else {
            registration.handler = nil
            retained.release()
            return nil
        }
        return registration
    }

    /// False when epoll refused the change (ENOMEM): the old interest still holds, so a
    /// direction meant to be dropped would keep firing — the caller closes the connection.
    func modify(_ registration: EventRegistration, interest: UInt32) -> Bool {
        guard registration.isActive, registration.interest != interest else { return true }
        var event = epoll_event()
        event.events = interest
        event.data.ptr = Unmanaged.passUnretained(registration).toOpaque()
        guard epoll_ctl(epoll, EPOLL_CTL_MOD, registration.fd, &event) == 0 else { return false }
        registration.interest = interest
        return true
    }

    /// Stops watching (before the fd is closed); the registration is released after this
    /// iteration's remaining events.
    func deregister(_ registration: EventRegistration) {
        guard registration.isActive else { return }
        registration.isActive = false
        registration.handler = nil
        var event = epoll_event()
        _ = epoll_ctl(epoll, EPOLL_CTL_DEL, registration.fd, &event)
        retired.append(Unmanaged.passUnretained(registration))
    }

    /// Calls `body` about every `interval` (from the `epoll_wait` timeout), until `stop()`.
    func startTicking(every interval: Duration, _ body: @escaping () -> Void) {
        let nanoseconds = Swift.max(interval.nanoseconds, 1_000_000)
        tick = (nanoseconds, Self.now() + nanoseconds, body)
    }
}

// MARK: - The loop

extension EventLoop {
    private func run() {
        // Signals belong to SignalRelay's handler; none should interrupt this thread.
        var all = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_BLOCK, &all, nil)
        let events = UnsafeMutableBufferPointer<epoll_event>.allocate(capacity: Self.eventCapacity)
        defer {
            events.deallocate()
            let waiters = exit.withLock { state in
                state.done = true
                defer { state.waiters.removeAll() }
                return state.waiters
            }
            waiters.forEach { $0.resume() }
        }
        while true {
            let count = epoll_wait(epoll, events.baseAddress, Int32(events.count), waitTimeout())
            sleepState.store(0, ordering: .sequentiallyConsistent)
            if count > 0 { dispatch(UnsafeMutableBufferPointer(rebasing: events[0..<Int(count)])) }
            runTickIfDue()
            runJobs()
            releaseRetired()
            if stopRequested && finished() { return }
        }
    }

    /// Announces the coming sleep, then 0 if jobs are waiting, else the time to the next tick.
    private func waitTimeout() -> Int32 {
        sleepState.store(1, ordering: .sequentiallyConsistent)
        if queue.withLock({ !$0.jobs.isEmpty }) || stopRequested { return 0 }
        guard let tick else { return -1 }
        let now = Self.now()
        guard tick.next > now else { return 0 }
        return Int32(clamping: (tick.next - now + 999_999) / 1_000_000)
    }

    private func dispatch(_ events: UnsafeMutableBufferPointer<epoll_event>) {
        for event in events {
            guard let pointer = event.data.ptr else {
                var value: UInt64 = 0
                _ = read(wakeFD, &value, MemoryLayout<UInt64>.size)
                continue
            }
            let registration = Unmanaged<EventRegistration>.fromOpaque(pointer).takeUnretainedValue()
            guard registration.isActive, let handler = registration.handler else { continue }
            handler.handleEvents(event.events)
        }
    }

    private func runTickIfDue() {
        guard let current = tick else { return }
        let now = Self.now()
        guard current.next <= now else { return }
        tick?.next = now + current.interval
        current.body()
    }

    /// Runs the jobs queued so far (not those they queue: those wait for the next iteration,
    /// after a non-blocking `epoll_wait`, so sockets are not starved). The two arrays swap roles
    /// so neither side allocates in the steady state.
    private func runJobs() {
        var batch = spareJobs
        queue.withLock { swap(&batch, &$0.jobs) }
        guard !batch.isEmpty else { return }
        for job in batch { job() }
        batch.removeAll(keepingCapacity: true)
        spareJobs = batch
    }

    private func releaseRetired() {
        guard !retired.isEmpty else { return }
        for registration in retired { registration.release() }
        retired.removeAll(keepingCapacity: true)
    }

    /// Marks the loop stopped unless jobs arrived meanwhile (they run first).
    private func finished() -> Bool {
        queue.withLock { state in
            guard state.jobs.isEmpty else { return false }
            state.stopped = true
            return true
        }
    }
}
