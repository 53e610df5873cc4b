import Foundation

/// A thread-safe counter for callbacks that run on the client's I/O thread.
final class Counter: @unchecked Sendable {
    // Safe: `value` is only read and written while holding `lock`.
    private let lock = NSLock()
    private var value = 0

    func increment() { lock.lock(); value += 1; lock.unlock() }
    var current: Int { lock.lock(); defer { lock.unlock() }; return value }
}
