import EdgeCore
import Foundation

/// An EIP's addresses as stored (what a NAT rule's `external_ip` shows).
public struct EIPAddresses: Hashable, Sendable {
    public let ipV4: String?
    public let ipV6: String?

    public func address(_ family: IPFamily) -> String? { family == .v4 ? ipV4 : ipV6 }
}

extension Repository where Spec == EIPSpec {
    /// The addresses of the EIPs among `ids` that exist: those the writer just resolved from its
    /// cache (the reply to a create), the rest from their addressing (`addressing(of:)`: cached
    /// or read in one transaction): a response naming many EIPs (a bulk create's reply) reads
    /// a few columns per EIP instead of decoding each whole object in a read of its own.
    public func addresses(of ids: some Sequence<UUID>) throws -> [UUID: EIPAddresses] {
        var found: [UUID: EIPAddresses] = [:]
        var missing: [UUID] = []
        for id in ids where found[id] == nil {
            if let cached = store.eipAddresses.addresses(id) { found[id] = cached } else { missing.append(id) }
        }
        guard !missing.isEmpty else { return found }
        for (id, addressing) in try addressing(of: missing) {
            found[id] = EIPAddresses(ipV4: addressing.ipV4?.description, ipV6: addressing.ipV6?.description)
        }
        return found
    }
}
