import EdgeCore
import TestSupport
import Testing

/// The interval set against a plain `Set` model, on a small address window so every address can
/// be checked.
@Suite struct IntervalSetTests {
    @Test func randomInsertsAndRemovesMatchASetModel() {
        var generator = SeededGenerator(seed: 7)
        let base: UInt32 = 0x0a00_0000
        for _ in 0..<50 {
            var set = IntervalSet<IPv4Address>()
            var model = Set<UInt32>()
            for _ in 0..<200 {
                let lower = base + UInt32.random(in: 0..<256, using: &generator)
                let upper = min(lower + UInt32.random(in: 0..<12, using: &generator), base + 255)
                let range = AddressRange(lower: IPv4Address(lower), upper: IPv4Address(upper))!
                if Bool.random(using: &generator) {
                    set.insert(range)
                    model.formUnion(lower...upper)
                } else {
                    set.remove(range)
                    model.subtract(lower...upper)
                }
            }
            #expect(set.count == UInt64(model.count))
            for offset in 0..<UInt32(260) {
                #expect(set.contains(IPv4Address(base + offset)) == model.contains(base + offset))
            }
            // Ranges are sorted, disjoint and never adjacent (fully merged).
            for (left, right) in zip(set.ranges, set.ranges.dropFirst()) {
                #expect(left.upper.value + 1 < right.lower.value)
            }
            let probe = IPv4Address(base + 100)
            let expected = model.filter { $0 >= probe.value }.min().map(IPv4Address.init)
            #expect(set.first(atOrAfter: probe) == expected)
        }
    }

    @Test func handlesTheEdgesOfTheAddressSpace() {
        var set = IntervalSet([AddressRange(lower: IPv4Address(0), upper: IPv4Address(.max))!])
        #expect(set.count == 1 << 32)
        set.remove(IPv4Address(0))
        set.remove(IPv4Address(.max))
        #expect(set.count == (1 << 32) - 2)
        set.insert(IPv4Address(.max))
        #expect(set.ranges.count == 1 && set.ranges[0].upper.value == .max)
        var v6 = IntervalSet<IPv6Address>()
        v6.insert(AddressRange(lower: IPv6Address("::")!, upper: IPv6Address("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")!)!)
        #expect(v6.count == .max)
        v6.remove(IPv6Address("8000::")!)
        #expect(v6.ranges.count == 2)
    }
}
