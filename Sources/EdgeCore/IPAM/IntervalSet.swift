/// A set of addresses kept as sorted, disjoint, non-adjacent closed ranges. Membership and
/// "first member at or after" are binary searches, so a pool's cost depends on how fragmented it
/// is, not on how many addresses it holds.
public struct IntervalSet<Address: IPAddressValue>: Sendable, Equatable {
    public private(set) var ranges: [AddressRange<Address>] = []

    public init() {}

    public init(_ ranges: some Sequence<AddressRange<Address>>) {
        for range in ranges { insert(range) }
    }

    public var isEmpty: Bool { ranges.isEmpty }

    /// Number of addresses, saturating at `UInt64.max`.
    public var count: UInt64 {
        ranges.reduce(UInt64(0)) { total, range in
            let (sum, overflow) = total.addingReportingOverflow(range.count)
            return overflow ? .max : sum
        }
    }

    public func contains(_ address: Address) -> Bool {
        let index = firstIndex(endingAtOrAfter: address)
        return index < ranges.count && ranges[index].lower <= address
    }

    /// The smallest member that is `>= address`, if any.
    public func first(atOrAfter address: Address) -> Address? {
        let index = firstIndex(endingAtOrAfter: address)
        guard index < ranges.count else { return nil }
        return max(ranges[index].lower, address)
    }

    public var first: Address? { ranges.first?.lower }

    public mutating func insert(_ address: Address) { insert(AddressRange(single: address)) }

    /// Adds every address of `range`, merging with overlapping or adjacent ranges.
    public mutating func insert(_ range: AddressRange<Address>) {
        // Ranges from `start` to `end - 1` touch or overlap the new one and merge into it.
        let start = firstIndex(endingAtOrAfter: range.lower.predecessor ?? range.lower)
        var end = start
        var lower = range.lower, upper = range.upper
        while end < ranges.count, ranges[end].lower <= (upper.successor ?? upper) {
            lower = min(lower, ranges[end].lower)
            upper = max(upper, ranges[end].upper)
            end += 1
        }
        ranges.replaceSubrange(start..<end, with: [AddressRange(uncheckedLower: lower, upper: upper)])
    }

    public mutating func remove(_ address: Address) { remove(AddressRange(single: address)) }

    /// Removes every address of `range`, trimming or splitting the ranges it overlaps.
    public mutating func remove(_ range: AddressRange<Address>) {
        let start = firstIndex(endingAtOrAfter: range.lower)
        var end = start
        var replacement: [AddressRange<Address>] = []
        while end < ranges.count, ranges[end].lower <= range.upper {
            let existing = ranges[end]
            if existing.lower < range.lower, let before = range.lower.predecessor {
                replacement.append(AddressRange(uncheckedLower: existing.lower, upper: before))
            }
            if range.upper < existing.upper, let after = range.upper.successor {
                replacement.append(AddressRange(uncheckedLower: after, upper: existing.upper))
            }
            end += 1
        }
        guard start < end else { return }
        ranges.replaceSubrange(start..<end, with: replacement)
    }

    /// Index of the first range whose upper bound is `>= address` (`ranges.count` if none).
    private func firstIndex(endingAtOrAfter address: Address) -> Int {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upper < address { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
