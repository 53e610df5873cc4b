import EdgeCore
import Foundation

// Allocates every usable address of a /16 that has `EXCLUDES` exclude ranges (10 addresses each,
// spread over the whole block), first through `NetworkIPAM.allocate` (what the store calls: IPv4
// + a fresh MAC per EIP), then through `AddressPool.allocateNext` alone. Prints one
// `key=value` line per phase for benchmarks/run. Usage: IPAMBench [EXCLUDES]
let excludeCount = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1000 : 1000
let base: UInt32 = 10 << 24 | 20 << 16  // 10.20.0.0
let cidr = CIDR<IPv4Address>("10.20.0.0/16")!
let gateway = IPv4Address(base + 1)
// Exclude ranges evenly spaced over the block, none touching the network/broadcast/gateway.
let stride = UInt32(65_536 / max(excludeCount, 1))
let exclude = (0..<UInt32(excludeCount)).map { index in
    let start = base + index * stride + 3
    return AddressRange(lower: IPv4Address(start), upper: IPv4Address(start + 9))!
}

func measure(_ label: String, _ body: () throws -> Int) rethrows {
    let started = ContinuousClock.now
    let count = try body()
    let elapsed = ContinuousClock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("\(label) allocations=\(count) seconds=\(String(format: "%.4f", seconds)) per_alloc_us=\(String(format: "%.3f", seconds / Double(max(count, 1)) * 1e6))")
}

let pool = AddressPool(cidr: cidr, gateway: gateway, exclude: exclude)
let usable = Int(pool.usableCount)
print("setup cidr=10.20.0.0/16 excludes=\(excludeCount) usable=\(usable)")

// NetworkIPAM: the path every EIP creation takes (all or nothing over families + a unique MAC).
var generator = SystemRandomNumberGenerator()
try measure("network_ipam") {
    var ipam = NetworkIPAM(v4: pool, v6: nil)
    var seen = Set<IPv4Address>()
    seen.reserveCapacity(usable)
    while true {
        do {
            let allocation = try ipam.allocate(AddressRequest(), using: &generator)
            seen.insert(allocation.ipV4!)
        } catch let failure as FieldedIPAMError {
            guard case .exhausted = failure.error else { throw failure }
            break
        }
    }
    guard seen.count == usable, ipam.v4?.freeCount == 0 else {
        fatalError("allocated \(seen.count) distinct of \(usable) usable")
    }
    return seen.count
}

// AddressPool alone: the interval-set walk without the MAC bookkeeping.
try measure("address_pool") {
    var only = pool
    var count = 0
    while true {
        do {
            _ = try only.allocateNext()
            count += 1
        } catch let failure as IPAMError {
            guard case .exhausted = failure else { throw failure }
            break
        }
    }
    guard count == usable else { fatalError("allocated \(count) of \(usable) usable") }
    return count
}
