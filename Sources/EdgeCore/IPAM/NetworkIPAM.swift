/// Address management of one external network: an IPv4 and/or IPv6 pool and the MACs in use
/// (unique per network). Pure state; the store serializes access and persists the results.
public struct NetworkIPAM: Sendable {
    public private(set) var v4: AddressPool<IPv4Address>?
    public private(set) var v6: AddressPool<IPv6Address>?
    public private(set) var macs: Set<MACAddress> = []

    public init(v4: AddressPool<IPv4Address>?, v6: AddressPool<IPv6Address>?) {
        self.v4 = v4
        self.v6 = v6
    }

    /// The pools an external network's spec describes.
    public init(network spec: ExternalNetworkSpec) {
        let excludeV4 = spec.exclude.compactMap { if case .v4(let range) = $0 { range } else { nil } }
        let excludeV6 = spec.exclude.compactMap { if case .v6(let range) = $0 { range } else { nil } }
        self.init(
            v4: spec.cidrV4.map { AddressPool(cidr: $0, gateway: spec.gatewayV4, exclude: excludeV4) },
            v6: spec.cidrV6.map { AddressPool(cidr: $0, gateway: spec.gatewayV6, exclude: excludeV6) }
        )
    }

    /// Allocates every family of the network, all or nothing. Errors carry the request field
    /// they are about (`ip_v4`, `ip_v6`, `mac`).
    public mutating func allocate<G: RandomNumberGenerator>(
        _ request: AddressRequest, using generator: inout G
    ) throws(FieldedIPAMError) -> AddressAllocation {
        var copy = self
        let ipV4 = try copy.allocateV4(request.ipV4)
        let ipV6 = try copy.allocateV6(request.ipV6)
        let mac: MACAddress
        if let requested = request.mac {
            guard !copy.macs.contains(requested) else {
                throw FieldedIPAMError(field: "mac", error: .inUse(address: requested.description))
            }
            mac = requested
        } else {
            mac = copy.freshMAC(using: &generator)
        }
        copy.macs.insert(mac)
        self = copy
        return AddressAllocation(ipV4: ipV4, ipV6: ipV6, mac: mac)
    }

    public mutating func allocate(_ request: AddressRequest) throws(FieldedIPAMError) -> AddressAllocation {
        var generator = SystemRandomNumberGenerator()
        return try allocate(request, using: &generator)
    }

    /// Records an allocation read back from storage.
    public mutating func reserve(_ allocation: AddressAllocation) {
        if let address = allocation.ipV4 { v4?.reserve(address) }
        if let address = allocation.ipV6 { v6?.reserve(address) }
        macs.insert(allocation.mac)
    }

    public mutating func release(_ allocation: AddressAllocation) {
        if let address = allocation.ipV4 { v4?.release(address) }
        if let address = allocation.ipV6 { v6?.release(address) }
        macs.remove(allocation.mac)
    }

    private mutating func allocateV4(_ requested: IPv4Address?) throws(FieldedIPAMError) -> IPv4Address? {
        guard var pool = v4 else {
            if requested != nil { throw FieldedIPAMError(field: "ip_v4", error: .familyNotConfigured(family: .v4)) }
            return nil
        }
        defer { v4 = pool }
        do {
            if let requested { try pool.allocate(requested); return requested }
            return try pool.allocateNext()
        } catch {
            throw FieldedIPAMError(field: "ip_v4", error: error)
        }
    }

    private mutating func allocateV6(_ requested: IPv6Address?) throws(FieldedIPAMError) -> IPv6Address? {
        guard var pool = v6 else {
            if requested != nil { throw FieldedIPAMError(field: "ip_v6", error: .familyNotConfigured(family: .v6)) }
            return nil
        }
        defer { v6 = pool }
        do {
            if let requested { try pool.allocate(requested); return requested }
            return try pool.allocateNext()
        } catch {
            throw FieldedIPAMError(field: "ip_v6", error: error)
        }
    }

    private func freshMAC<G: RandomNumberGenerator>(using generator: inout G) -> MACAddress {
        while true {
            let candidate = MACAddress.randomLocallyAdministered(using: &generator)
            if !macs.contains(candidate) { return candidate }
        }
    }
}
