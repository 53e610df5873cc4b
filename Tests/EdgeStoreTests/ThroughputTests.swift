import EdgeCore
import EdgeStore
import Foundation
import Testing

/// Measurements only (printed, never asserted on time): allocation through the whole store.
@Suite struct ThroughputTests {
    @Test func allocationsThroughTheStoreOnABigPool() throws {
        let fixture = try StoreFixture()
        let exclude = (0..<1000).map { index -> String in
            let start = index * 65 + 3
            return "10.20.\(start / 256).\(start % 256)..10.20.\((start + 9) / 256).\((start + 9) % 256)"
        }
        try fixture.network("big", cidr: "10.20.0.0/16", gateway: "10.20.0.1", exclude: exclude)
        let count = 5000
        let started = ContinuousClock.now
        var seen = Set<IPv4Address>()
        var lap = started
        var laps: [Duration] = []
        for index in 0..<count {
            seen.insert(try fixture.eip("big").spec.ipV4!)
            if (index + 1) % 1000 == 0 { laps.append(ContinuousClock.now - lap); lap = .now }
        }
        let elapsed = ContinuousClock.now - started
        #expect(seen.count == count)
        print("store: \(count) EIP creations (allocation + row + holding + change log, one transaction each) on a /16 with 1000 exclude ranges in \(elapsed); per 1000: \(laps)")
    }
}
