import Foundation

/// Runs blocking socket work on a thread of its own, so a test waiting on the network does not
/// hold one of the few cooperative-pool threads other tasks of the test need.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            // Keep process-directed signals (the shutdown-on-signal test) away from this thread.
            var all = sigset_t()
            sigfillset(&all)
            pthread_sigmask(SIG_BLOCK, &all, nil)
            continuation.resume(with: Result { try body() })
        }
    }
}
