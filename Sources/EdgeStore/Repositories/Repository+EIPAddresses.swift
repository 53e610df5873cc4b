import EdgeCore
import Foundation
import GRDB

/// An EIP's addresses as stored (what a NAT rule's `external_ip` shows).
public struct EIPAddresses: Hashable, Sendable {
    public let ipV4: String?
    public let ipV6: String?

    public func address(_ family: IPFamily) -> String? { family == .v4 ? ipV4 : ipV6 }
}

extension Repository where Spec == EIPSpec {
    /// The addresses of the EIPs among `ids` that exist: those the writer just resolved from its
    /// cache (the reply to a create), the rest read in one transaction with one cached
    /// statement: a response naming many EIPs (a bulk create's reply) reads two columns per EIP
    /// instead of decoding each whole object in a read of its own.
    public func addresses(of ids: some Sequence<UUID>) throws -> [UUID: EIPAddresses] {
        var found: [UUID: EIPAddresses] = [:]
        var missing: [UUID] = []
        for id in ids where found[id] == nil {
            if let cached = store.eipAddresses.addresses(id) { found[id] = cached } else { missing.append(id) }
        }
        guard !missing.isEmpty else { return found }
        return try store.read { db in
            let statement = try db.cachedStatement(sql: "SELECT ip_v4, ip_v6 FROM eips WHERE id = ?")
            for id in missing where found[id] == nil {
                guard let row = try Row.fetchOne(statement, arguments: [id.text]) else { continue }
                found[id] = EIPAddresses(ipV4: row[0], ipV6: row[1])
            }
            return found
        }
    }
}
