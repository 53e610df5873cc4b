import EdgeCore
import EdgeStore
import Foundation

/// Reads other objects a response shows something of (an EIP's address on a NAT rule, an EIP's
/// users), once per response.
final class WireLookup {
    let store: Store
    private var eips: [UUID: EIP?] = [:]

    init(store: Store) { self.store = store }

    func eip(_ reference: ResourceReference) throws -> EIP? {
        guard let id = reference.id else { return try store.eips.find(reference) }
        if let cached = eips[id] { return cached }
        let found = try store.eips.find(.id(id))
        eips[id] = found
        return found
    }

    /// The EIP's address of `family` (what a NAT rule translates to).
    func externalIP(_ reference: ResourceReference, family: IPFamily) throws -> JSONValue {
        guard let eip = try eip(reference) else { return .null }
        return family == .v4 ? .text(eip.spec.ipV4) : .text(eip.spec.ipV6)
    }

    /// The EIP's users with their phases (the seed's `oeip` READY).
    func usedBy(eip id: UUID) throws -> [EIPUser] {
        try store.eips.users(of: id)
    }
}
