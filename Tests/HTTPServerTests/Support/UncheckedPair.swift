/// Hands two test clients to another thread; the test does not touch them meanwhile.
struct UncheckedPair<First, Second>: @unchecked Sendable {
    // Safe: only the receiving thread uses the values until it returns.
    let first: First
    let second: Second

    init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }
}
