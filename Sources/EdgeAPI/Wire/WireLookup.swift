import EdgeCore
import EdgeStore
import Foundation

/// Reads other objects a response shows something of (an EIP's address on a NAT rule, an EIP's
/// users), once per response.
final class WireLookup {
    let store: Store
    private var eips: [UUID: EIP?] = [:]
    private var addresses: [UUID: EIPAddresses] = [:]
    /// Ids `prefetchAddresses` found no EIP for.
    private var missing: Set<UUID> = []

    init(store: Store) { self.store = store }

    func eip(_ reference: ResourceReference) throws -> EIP? {
        guard let id = reference.id else { return try store.eips.find(reference) }
        if let cached = eips[id] { return cached }
        let found = try store.eips.find(.id(id))
        eips[id] = found
        return found
    }

    /// The EIP's address of `family` (what a NAT rule translates to): two columns, not the
    /// whole EIP, unless the EIP was read already.
    func externalIP(_ reference: ResourceReference, family: IPFamily) throws -> JSONValue {
        guard let id = reference.id else {
            guard let eip = try eip(reference) else { return .null }
            return family == .v4 ? .text(eip.spec.ipV4) : .text(eip.spec.ipV6)
        }
        if let cached = eips[id] {
            guard let eip = cached else { return .null }
            return family == .v4 ? .text(eip.spec.ipV4) : .text(eip.spec.ipV6)
        }
        if addresses[id] == nil, !missing.contains(id) { try prefetchAddresses([id]) }
        return .string(addresses[id]?.address(family))
    }

    /// Reads the addresses of many EIPs in one read transaction (a bulk reply's rules).
    func prefetchAddresses(_ ids: some Collection<UUID>) throws {
        let found = try store.eips.addresses(of: ids)
        for id in ids {
            if let address = found[id] { addresses[id] = address } else { missing.insert(id) }
        }
    }

    /// The EIP's users with their phases (the seed's `oeip` READY).
    func usedBy(eip id: UUID) throws -> [EIPUser] {
        try store.eips.users(of: id)
    }
}
