import EdgeCore
import Foundation
import GRDB

extension Repository where Spec == EIPSpec {
    private static var addressingColumns: String { "id, network_id, ip_v4, ip_v6, mac" }

    /// Every EIP's addressing, in one read: five text columns a row and no JSON, about a third
    /// of the cost of listing whole EIPs.
    public func allAddressing() throws -> [UUID: EIPAddressing] {
        let found = try store.read { db in
            var found: [UUID: EIPAddressing] = [:]
            let cursor = try Row.fetchCursor(db.cachedStatement(sql: "SELECT \(Self.addressingColumns) FROM eips"))
            while let row = try cursor.next() {
                let addressing = try Self.addressing(row)
                found[addressing.id] = addressing
            }
            return found
        }
        store.eipAddressing.remember(found.values)
        return found
    }

    /// The addressing of those of `ids` that exist: from what this process stored or read
    /// before (it never changes), the rest in one read.
    public func addressing(of ids: some Sequence<UUID>) throws -> [UUID: EIPAddressing] {
        var (found, missing) = store.eipAddressing.lookup(ids)
        guard !missing.isEmpty else { return found }
        let read = try store.read { db in
            let statement = try db.cachedStatement(sql: "SELECT \(Self.addressingColumns) FROM eips WHERE id = ?")
            var read: [UUID: EIPAddressing] = [:]
            for id in missing where read[id] == nil {
                guard let row = try Row.fetchOne(statement, arguments: [id.text]) else { continue }
                read[id] = try Self.addressing(row)
            }
            return read
        }
        store.eipAddressing.remember(read.values)
        found.merge(read) { $1 }
        return found
    }

    /// Those of `ids` this process stored or read before; no read.
    public func cachedAddressing(of ids: some Sequence<UUID>) -> [UUID: EIPAddressing] {
        store.eipAddressing.lookup(ids).found
    }

    private static func addressing(_ row: Row) throws -> EIPAddressing {
        EIPAddressing(
            id: try uuid(row[0]), network: try uuid(row[1], column: "network_id"),
            ipV4: try parse(row[2] as String?, column: "ip_v4"), ipV6: try parse(row[3] as String?, column: "ip_v6"),
            mac: try parse(row[4] as String, column: "mac")
        )
    }
}
