import EdgeCore
import EdgeStore
import Foundation
import Testing
import TestSupport

/// Measurements only (printed, never asserted on time): allocation through the whole store.
@Suite struct ThroughputTests {
    /// Thousands of synchronous transactions: run on a thread of their own, not on one of the
    /// cooperative pool's (two on this box), which the timers of other tests need.
    @Test func allocationsThroughTheStoreOnABigPool() async throws {
        let seen = try await offPool { try Self.allocate(count: Self.count) }
        #expect(seen.count == Self.count)
    }

    static let count = 2000

    static func allocate(count: Int) throws -> Set<IPv4Address> {
        let fixture = try StoreFixture()
        let exclude = (0..<1000).map { index -> String in
            let start = index * 65 + 3
            return "10.20.\(start / 256).\(start % 256)..10.20.\((start + 9) / 256).\((start + 9) % 256)"
        }
        try fixture.network("big", cidr: "10.20.0.0/16", gateway: "10.20.0.1", exclude: exclude)
        let started = ContinuousClock.now
        var seen = Set<IPv4Address>()
        var lap = started
        var laps: [Duration] = []
        for index in 0..<count {
            seen.insert(try fixture.eip("big").spec.ipV4!)
            if (index + 1) % 1000 == 0 { laps.append(ContinuousClock.now - lap); lap = .now }
        }
        let elapsed = ContinuousClock.now - started
        print("store: \(count) EIP creations (allocation + row + holding + change log, one transaction each) on a /16 with 1000 exclude ranges in \(elapsed); per 1000: \(laps)")
        return seen
    }
}
