import EdgeCore
import Foundation
import GRDB

/// Reads the holding intervals of addresses (`/v1/ip-history`).
public struct AllocationHistory: Sendable {
    let store: Store

    /// Who held `ip` at any time in [from, to): intervals with `allocated_at < to` and
    /// `released_at` unset or `> from`, oldest first. `network` narrows to one network (by id,
    /// or by name while it exists).
    public func holdings(
        of ip: IPAddress, network: ResourceReference? = nil, from: Date? = nil, to: Date? = nil,
        limit: Int = 100, pageToken: String? = nil
    ) throws -> Page<AddressHolding> {
        var conditions = ["ip = ?", "id > ?"]
        var arguments: StatementArguments = [ip.description, try PageToken.parse(pageToken, scope: "holdings")]
        if let network {
            conditions.append("network_id = coalesce((SELECT id FROM external_networks WHERE name = ?), ?)")
            arguments += [network.description, network.id?.text ?? ""]
        }
        if let to { conditions.append("allocated_at < ?"); arguments += [StoreTime.format(to)] }
        if let from { conditions.append("(released_at IS NULL OR released_at > ?)"); arguments += [StoreTime.format(from)] }
        return try page(conditions: conditions, arguments: arguments, limit: limit)
    }

    /// Every interval an EIP held, oldest first.
    public func holdings(eip: UUID) throws -> [AddressHolding] {
        try page(conditions: ["eip_id = ?"], arguments: [eip.text], limit: ListQuery.maximumLimit).items
    }

    private func page(conditions: [String], arguments: StatementArguments, limit: Int) throws -> Page<AddressHolding> {
        let limit = PageToken.clamp(limit)
        return try store.read { db in
            // Ids grow with allocation time (one writer, one clock), so id order is time order.
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM ip_allocations WHERE \(conditions.joined(separator: " AND ")) ORDER BY id LIMIT \(limit + 1)",
                arguments: arguments
            )
            var items = try rows.prefix(limit).map(Self.holding)
            for index in items.indices { items[index].bindings = try Self.bindings(of: items[index], in: db) }
            let next = rows.count > limit ? PageToken.make("holdings", after: items[limit - 1].id) : nil
            return Page(items: items, nextPageToken: next)
        }
    }

    /// The EIP's bind/unbind entries inside the holding interval, paired per user, oldest first.
    static func bindings(of holding: AddressHolding, in db: Database) throws -> [AddressHolding.Binding] {
        var conditions = ["object_kind = 'eip'", "object_id = ?", "action IN ('bind', 'unbind')", "time >= ?"]
        var arguments: StatementArguments = [holding.eip.text, StoreTime.format(holding.allocatedAt)]
        if let released = holding.releasedAt { conditions.append("time <= ?"); arguments += [StoreTime.format(released)] }
        let statement = try db.cachedStatement(sql: "SELECT time, action, before, after FROM change_log WHERE \(conditions.joined(separator: " AND ")) ORDER BY id")
        var open: [(user: ObjectKeyText, since: Date)] = []
        var bindings: [AddressHolding.Binding] = []
        for row in try Row.fetchAll(statement, arguments: arguments) {
            let time = try date(row["time"])
            let bind = (row["action"] as String) == ChangeAction.bind.rawValue
            guard let payload: String = bind ? row["after"] : row["before"],
                  let user = try? JSONCoding.decode([String: String].self, from: payload)["by"],
                  let parsed = ObjectKeyText(user) else { continue }
            if bind {
                open.append((parsed, time))
            } else if let index = open.firstIndex(where: { $0.user == parsed }) {
                let started = open.remove(at: index)
                bindings.append(AddressHolding.Binding(kind: parsed.kind, id: parsed.id, boundAt: started.since, unboundAt: time))
            }
        }
        bindings += open.map { AddressHolding.Binding(kind: $0.user.kind, id: $0.user.id, boundAt: $0.since, unboundAt: nil) }
        return bindings.sorted { ($0.boundAt, $0.unboundAt ?? .distantFuture) < ($1.boundAt, $1.unboundAt ?? .distantFuture) }
    }

    /// `<kind>/<id>`, as bind entries name their user.
    struct ObjectKeyText: Hashable {
        let kind: ResourceKind
        let id: UUID

        init?(_ text: String) {
            guard let slash = text.lastIndex(of: "/"), let kind = ResourceKind(rawValue: String(text[..<slash])),
                  let id = UUID(uuidString: String(text[text.index(after: slash)...])) else { return nil }
            self.kind = kind
            self.id = id
        }
    }

    static func holding(_ row: Row) throws -> AddressHolding {
        let released: String? = row["released_at"]
        return AddressHolding(
            id: row["id"], network: try uuid(row["network_id"], column: "network_id"),
            ip: try parse(row["ip"] as String, column: "ip"), eip: try uuid(row["eip_id"], column: "eip_id"),
            project: row["project"], allocatedAt: try date(row["allocated_at"]), releasedAt: try released.map(date)
        )
    }
}
