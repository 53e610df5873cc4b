import Foundation

/// The `Idempotency-Key`s whose first request is still running in this process: a second
/// request with the same key must not run alongside (it is answered 409 until the first one's
/// response is stored, then replayed).
final class IdempotencyGuard: @unchecked Sendable {
    // Safe: `inFlight` is only touched under `lock`.
    private let lock = NSLock()
    private var inFlight: Set<String> = []

    /// False when the key is already in flight.
    func begin(_ key: String) -> Bool { lock.withLock { inFlight.insert(key).inserted } }

    func end(_ key: String) { _ = lock.withLock { inFlight.remove(key) } }
}
