/// The allocatable addresses of one family of one external network.
///
/// `usable` = CIDR minus network/broadcast (IPv4, prefixes up to /30), the subnet-router anycast
/// address (IPv6, RFC 4291 §2.6.1, prefixes up to /126), the gateway and the exclude entries.
/// `free` is `usable` minus what is held. Both are interval sets, and next-free allocation walks
/// forward from a cursor (the last address handed out), so released addresses are reused only
/// after the rest of the pool has been used once, and an allocation is a binary search, never a
/// scan of addresses.
public struct AddressPool<Address: IPAddressValue>: Sendable {
    public let cidr: CIDR<Address>
    public let gateway: Address?
    public let exclude: [AddressRange<Address>]
    public private(set) var usable: IntervalSet<Address>
    public private(set) var free: IntervalSet<Address>
    /// Addresses held that are outside `usable` (e.g. an exclude entry added after they were
    /// allocated); tracked so they are not reported free when released.
    public private(set) var heldOutsidePool: Set<Address> = []
    private var cursor: Address?

    public init(cidr: CIDR<Address>, gateway: Address?, exclude: [AddressRange<Address>]) {
        self.cidr = cidr
        self.gateway = gateway
        self.exclude = exclude
        var usable = IntervalSet([cidr.range])
        for address in Self.reservedAddresses(of: cidr).map(\.address) { usable.remove(address) }
        if let gateway { usable.remove(gateway) }
        for range in exclude { usable.remove(range) }
        self.usable = usable
        self.free = usable
    }

    /// The addresses of `cidr` no EIP can ever take, with the reason.
    public static func reservedAddresses(of cidr: CIDR<Address>) -> [(address: Address, reason: IPAMError.ReservedReason)] {
        let hostBits = Address.bitWidth - cidr.prefixLength
        switch Address.family {
        case .v4 where hostBits >= 2:
            return [(cidr.first, .networkAddress), (cidr.last, .broadcastAddress)]
        case .v6 where hostBits >= 2:
            return [(cidr.first, .subnetRouterAnycast)]
        default:
            return []
        }
    }

    public var usableCount: UInt64 { usable.count }
    public var freeCount: UInt64 { free.count }

    /// Why `address` cannot be requested, or nil when it is free.
    public func problem(with address: Address) -> IPAMError? {
        if free.contains(address) { return nil }
        let text = address.description
        if !cidr.contains(address) { return .outsideNetwork(address: text, cidr: cidr.description) }
        if address == gateway { return .reserved(address: text, reason: .gateway) }
        if let reserved = Self.reservedAddresses(of: cidr).first(where: { $0.address == address }) {
            return .reserved(address: text, reason: reserved.reason)
        }
        if !usable.contains(address) { return .excluded(address: text) }
        return .inUse(address: text)
    }

    /// Takes the first free address after the cursor, wrapping around once.
    public mutating func allocateNext() throws(IPAMError) -> Address {
        let start = cursor?.successor ?? usable.first ?? cidr.first
        guard let address = free.first(atOrAfter: start) ?? free.first else {
            throw .exhausted(family: Address.family)
        }
        free.remove(address)
        cursor = address
        return address
    }

    /// Takes a specific address.
    public mutating func allocate(_ address: Address) throws(IPAMError) {
        if let problem = problem(with: address) { throw problem }
        free.remove(address)
    }

    /// Marks an address held without checks, for rebuilding the pool from stored allocations.
    public mutating func reserve(_ address: Address) {
        if usable.contains(address) { free.remove(address) } else { heldOutsidePool.insert(address) }
    }

    /// Gives an address back. Addresses outside `usable` never become free.
    public mutating func release(_ address: Address) {
        if heldOutsidePool.remove(address) != nil { return }
        if usable.contains(address) { free.insert(address) }
    }
}
