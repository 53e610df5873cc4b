import Foundation

/// A value guarded by a lock, for state shared between the I/O thread and callers.
final class Locked<State>: @unchecked Sendable {
    // Safe: `state` is only reached through `withLock`, which holds `lock`.
    private let lock = NSLock()
    private var state: State

    init(_ state: State) { self.state = state }

    @discardableResult
    func withLock<T>(_ body: (inout State) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
