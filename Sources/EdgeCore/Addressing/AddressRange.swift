/// A closed, non-empty range of addresses of one family: "a..b", or "a" for a single address.
public struct AddressRange<Address: IPAddressValue>: Hashable, Sendable, LosslessStringConvertible {
    public let lower: Address
    public let upper: Address

    public init?(lower: Address, upper: Address) {
        guard lower <= upper else { return nil }
        self.lower = lower
        self.upper = upper
    }

    init(uncheckedLower lower: Address, upper: Address) {
        self.lower = lower
        self.upper = upper
    }

    public init(single address: Address) { self.init(uncheckedLower: address, upper: address) }

    public init?(_ text: String) {
        let parts = text.components(separatedBy: "..")
        switch parts.count {
        case 1:
            guard let address = Address(parts[0]) else { return nil }
            self.init(single: address)
        case 2:
            guard let lower = Address(parts[0]), let upper = Address(parts[1]) else { return nil }
            self.init(lower: lower, upper: upper)
        default:
            return nil
        }
    }

    public var description: String { lower == upper ? lower.description : "\(lower)..\(upper)" }

    public var count: UInt64 { lower.count(through: upper) }

    public func contains(_ address: Address) -> Bool { lower <= address && address <= upper }
}
