import EdgeCore
import Foundation
import TestSupport
import Testing

@Suite struct AddressPoolTests {
    /// Random allocate / request / release sequences against a model of what is held.
    func checkRandomSequences<A: IPAddressValue>(
        cidr: CIDR<A>, gateway: A, exclude: [AddressRange<A>], forbidden: Set<A>, all: [A], seed: UInt64
    ) {
        var generator = SeededGenerator(seed: seed)
        var pool = AddressPool(cidr: cidr, gateway: gateway, exclude: exclude)
        let usable = all.filter { !forbidden.contains($0) }
        #expect(pool.usableCount == UInt64(usable.count))
        var held = Set<A>()
        var exhaustedSeen = 0
        for _ in 0..<4000 {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<6:
                do {
                    let address = try pool.allocateNext()
                    #expect(cidr.contains(address))
                    #expect(!forbidden.contains(address), "handed out forbidden \(address)")
                    #expect(held.insert(address).inserted, "handed out \(address) twice")
                } catch {
                    #expect(error == .exhausted(family: A.family))
                    #expect(held.count == usable.count)
                    exhaustedSeen += 1
                }
            case 6..<8:
                let address = all.randomElement(using: &generator)!
                do {
                    try pool.allocate(address)
                    #expect(!forbidden.contains(address) && !held.contains(address))
                    held.insert(address)
                } catch {
                    switch error {
                    case .inUse: #expect(held.contains(address))
                    case .reserved, .excluded: #expect(forbidden.contains(address))
                    default: Issue.record("unexpected \(error)")
                    }
                }
            default:
                if let address = held.randomElement(using: &generator) {
                    pool.release(address)
                    held.remove(address)
                }
            }
            #expect(pool.freeCount == UInt64(usable.count - held.count))
        }
        #expect(exhaustedSeen > 0, "the sequence should run the pool dry at least once")
    }

    @Test func ipv4RandomSequencesNeverDuplicateOrHandOutReservedAddresses() {
        let cidr = IPv4CIDR("192.0.2.0/26")!
        let gateway = IPv4Address("192.0.2.1")!
        let exclude = ["192.0.2.10..192.0.2.20", "192.0.2.33", "192.0.2.60..192.0.2.63"].map { AddressRange<IPv4Address>($0)! }
        let all = (0..<64).map { IPv4Address(cidr.first.value + UInt32($0)) }
        var forbidden: Set<IPv4Address> = [cidr.first, cidr.last, gateway]
        for range in exclude { forbidden.formUnion(all.filter(range.contains)) }
        for seed in 1...5 {
            checkRandomSequences(cidr: cidr, gateway: gateway, exclude: exclude, forbidden: forbidden, all: all, seed: UInt64(seed))
        }
    }

    @Test func ipv6RandomSequencesNeverDuplicateOrHandOutReservedAddresses() {
        let cidr = IPv6CIDR("2001:db8:0:1::/122")!
        let gateway = IPv6Address("2001:db8:0:1::1")!
        let exclude = ["2001:db8:0:1::10..2001:db8:0:1::1f", "2001:db8:0:1::3f"].map { AddressRange<IPv6Address>($0)! }
        let all = (0..<64).map { IPv6Address(high: cidr.first.high, low: cidr.first.low + UInt64($0)) }
        var forbidden: Set<IPv6Address> = [cidr.first, gateway]   // subnet-router anycast, gateway
        for range in exclude { forbidden.formUnion(all.filter(range.contains)) }
        for seed in 1...5 {
            checkRandomSequences(cidr: cidr, gateway: gateway, exclude: exclude, forbidden: forbidden, all: all, seed: UInt64(seed))
        }
    }

    @Test func requestedAddressesReportWhyTheyAreUnavailable() throws {
        var pool = AddressPool(cidr: IPv4CIDR("198.51.100.0/24")!, gateway: IPv4Address("198.51.100.1")!,
                               exclude: [AddressRange("198.51.100.50..198.51.100.59")!])
        #expect(throws: IPAMError.reserved(address: "198.51.100.0", reason: .networkAddress)) { try pool.allocate(IPv4Address("198.51.100.0")!) }
        #expect(throws: IPAMError.reserved(address: "198.51.100.255", reason: .broadcastAddress)) { try pool.allocate(IPv4Address("198.51.100.255")!) }
        #expect(throws: IPAMError.reserved(address: "198.51.100.1", reason: .gateway)) { try pool.allocate(IPv4Address("198.51.100.1")!) }
        #expect(throws: IPAMError.excluded(address: "198.51.100.55")) { try pool.allocate(IPv4Address("198.51.100.55")!) }
        #expect(throws: IPAMError.outsideNetwork(address: "203.0.113.5", cidr: "198.51.100.0/24")) { try pool.allocate(IPv4Address("203.0.113.5")!) }
        try pool.allocate(IPv4Address("198.51.100.7")!)
        #expect(throws: IPAMError.inUse(address: "198.51.100.7")) { try pool.allocate(IPv4Address("198.51.100.7")!) }
        #expect(IPAMError.inUse(address: "x").code == "ip-in-use")
        #expect(IPAMError.excluded(address: "x").code == "address-excluded")
        #expect(IPAMError.exhausted(family: .v4).code == "pool-exhausted")
    }

    @Test func pointToPointPrefixesUseEveryAddress() throws {
        var pool = AddressPool(cidr: IPv4CIDR("192.0.2.0/31")!, gateway: nil, exclude: [])
        #expect(pool.usableCount == 2)
        _ = try pool.allocateNext()
        _ = try pool.allocateNext()
        #expect(throws: IPAMError.exhausted(family: .v4)) { try pool.allocateNext() }
    }

    @Test func releasedAddressesAreReusedOnlyAfterTheRestOfThePool() throws {
        var pool = AddressPool(cidr: IPv4CIDR("192.0.2.0/29")!, gateway: IPv4Address("192.0.2.1")!, exclude: [])
        let first = try pool.allocateNext()
        #expect(first.description == "192.0.2.2")
        let second = try pool.allocateNext()
        pool.release(first)
        let third = try pool.allocateNext()
        #expect(third != first && third.value == second.value + 1)
        var rest: [IPv4Address] = []
        while let next = try? pool.allocateNext() { rest.append(next) }
        #expect(rest.last == first, "the released address comes back after a wrap")
    }

    @Test func reservedOnRebuildButOutsideThePoolIsNeverFreed() {
        var pool = AddressPool(cidr: IPv4CIDR("192.0.2.0/24")!, gateway: nil, exclude: [AddressRange("192.0.2.10")!])
        pool.reserve(IPv4Address("192.0.2.10")!)   // held before the exclude entry was added
        pool.release(IPv4Address("192.0.2.10")!)
        #expect(pool.problem(with: IPv4Address("192.0.2.10")!) == .excluded(address: "192.0.2.10"))
    }

    /// The benchmark case: a /16 with 1,000 exclude ranges, every address allocated.
    @Test func allocatesAllOfASlash16WithAThousandExcludeRanges() throws {
        let cidr = IPv4CIDR("10.20.0.0/16")!
        var generator = SeededGenerator(seed: 42)
        let exclude = (0..<1000).map { index -> AddressRange<IPv4Address> in
            let start = cidr.first.value + UInt32(index * 65) + UInt32.random(in: 0..<30, using: &generator)
            return AddressRange(lower: IPv4Address(start), upper: IPv4Address(start + UInt32.random(in: 0..<20, using: &generator)))!
        }
        let built = ContinuousClock.now
        var pool = AddressPool(cidr: cidr, gateway: IPv4Address("10.20.0.1")!, exclude: exclude)
        let usable = pool.usableCount
        let started = ContinuousClock.now
        var count: UInt64 = 0
        var last: IPv4Address?
        while let address = try? pool.allocateNext() {
            if let last { #expect(address > last) }
            last = address
            count += 1
        }
        let elapsed = ContinuousClock.now - started
        #expect(count == usable)
        #expect(pool.freeCount == 0)
        print("IPAM: built /16 pool with 1000 exclude ranges in \(started - built); allocated all \(count) addresses in \(elapsed)")
    }

    @Test func ipv6SlashSixtyFourPoolsAreCheap() throws {
        var pool = AddressPool(cidr: IPv6CIDR("2001:db8:1:2::/64")!, gateway: IPv6Address("2001:db8:1:2::1")!, exclude: [])
        #expect(pool.usableCount == UInt64.max - 1, "2^64 minus the subnet-router anycast and the gateway")
        let started = ContinuousClock.now
        var seen = Set<IPv6Address>()
        for _ in 0..<100_000 { seen.insert(try pool.allocateNext()) }
        #expect(seen.count == 100_000)
        print("IPAM: 100000 allocations from an IPv6 /64 in \(ContinuousClock.now - started)")
    }
}
