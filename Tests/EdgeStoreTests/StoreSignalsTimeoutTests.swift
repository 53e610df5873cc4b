import EdgeStore
import Testing

@Suite struct StoreSignalsTimeoutTests {
    /// A timeout that fires before the waiter registered its continuation must still end the
    /// wait (zero and near-zero timeouts race the registration every time).
    @Test func tinyTimeoutsNeverHang() async {
        let signals = StoreSignals()
        await withTaskGroup(of: UInt64.self) { group in
            for index in 0..<2000 {
                group.addTask { await signals.wait(.status, after: 0, timeout: .nanoseconds(index % 3)) }
            }
            for await generation in group { #expect(generation == 0) }
        }
    }
}
