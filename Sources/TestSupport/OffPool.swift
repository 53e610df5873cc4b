import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs blocking work (sockets, spawning and reaping processes) on a thread of its own, so a
/// test waiting on it does not hold one of the few cooperative-pool threads (two on a 2-core
/// box) that every other test's async work — an OVSDB handshake, a `?wait=` — needs meanwhile.
public func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
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
