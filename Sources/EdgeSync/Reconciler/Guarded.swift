import Foundation

/// A value shared between the loop and readers (`state`, callbacks on the NB I/O thread).
final class Guarded<Value: Sendable>: @unchecked Sendable {
    // Safe: `value` is only read or written while holding `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func get() -> Value { lock.withLock { value } }

    @discardableResult
    func update<T>(_ body: (inout Value) -> T) -> T { lock.withLock { body(&value) } }
}
