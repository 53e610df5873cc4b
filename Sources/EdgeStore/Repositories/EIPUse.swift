import EdgeCore
import Foundation
import GRDB

/// Shared checks of the kinds that use an EIP (floating IPs, SNAT and DNAT rules).
enum EIPUse {
    /// Resolves the EIP reference and checks the EIP is a `nat` EIP with an address of `family`.
    static func resolve(_ reference: ResourceReference, family: IPFamily, familyField: String, in scope: WriteScope) throws -> ResourceReference {
        let eip = try scope.resolve(reference, kind: .eip, field: "eip")
        let column = family == .v4 ? "ip_v4" : "ip_v6"
        guard let row = try Row.fetchOne(scope.db, sql: "SELECT name, usage, \(column) AS address FROM eips WHERE id = ?", arguments: [eip.text]) else {
            throw StoreError.notFound(kind: .eip, reference: reference.description, field: "eip")
        }
        let usage = try parse(row["usage"] as String, as: EIPUsage.self, column: "usage")
        if usage != .nat {
            throw StoreError.eipUsageMismatch(ObjectReference(kind: .eip, id: eip, name: row["name"]), usage: usage, required: .nat)
        }
        guard (row["address"] as String?) != nil else {
            throw StoreError.validation(ValidationFailure(
                field: familyField, code: .familyMismatch, message: "the EIP has no \(family.rawValue) address"
            ))
        }
        return .id(eip)
    }
}

/// How router and node gateways get their EIP: a given one must be on the gateway's network and
/// unused, and is of the gateway's usage (a free `nat` EIP is switched to it, an update logged on
/// the EIP); without one, an EIP of that usage is allocated for the gateway (`ownedEIPs`), to be
/// released with it.
enum GatewayEIP {
    static func take(_ reference: ResourceReference?, network: UUID, usage: EIPUsage, project: String, in scope: WriteScope) throws -> UUID {
        guard let reference else {
            let owned = try EIPBehavior().create(ResourceInput(project: project, spec: EIPSpec(network: .id(network), usage: usage)), in: scope)
            scope.ownedEIPs.insert(owned.id)
            return owned.id
        }
        let id = try scope.resolve(reference, kind: .eip, field: "eip")
        guard let row = try Row.fetchOne(scope.db, sql: "SELECT name, network_id, usage FROM eips WHERE id = ?", arguments: [id.text]) else {
            throw StoreError.notFound(kind: .eip, reference: reference.description, field: "eip")
        }
        guard row["network_id"] == network.text else {
            throw StoreError.validation(ValidationFailure(field: "eip", code: .invalidReference, message: "the EIP belongs to another external network"))
        }
        let eip = ObjectReference(kind: .eip, id: id, name: row["name"])
        let current = try parse(row["usage"] as String, as: EIPUsage.self, column: "usage")
        if current != usage && current != .nat { throw StoreError.eipUsageMismatch(eip, usage: current, required: usage) }
        let users = try EIPBehavior().users(of: id, in: scope.db)
        if !users.isEmpty { throw StoreError.eipBound(eip, usedBy: users) }
        if current != usage {
            _ = try EIPBehavior().update(.id(id), expectedRevision: nil, in: scope) { $0.spec.usage = usage }
        }
        return id
    }

    /// Whether the gateway in `table` holds an EIP allocated for it.
    static func owned(_ gateway: UUID, table: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT eip_owned FROM \(table) WHERE id = ?", arguments: [gateway.text]) ?? false
    }

    /// A gateway's row is about to go (`willRemove`): an EIP allocated for it is to go with it.
    static func markForRelease(_ eip: UUID?, of gateway: UUID, table: String, in scope: WriteScope) throws {
        if let eip, try owned(gateway, table: table, in: scope.db) { scope.ownedEIPs.insert(eip) }
    }

    /// After a gateway's row changed (`didWrite`): when it is gone, so is the EIP allocated for it.
    static func releaseIfGone(_ eip: UUID?, gone: Bool, in scope: WriteScope) throws {
        guard gone, let eip, scope.ownedEIPs.contains(eip) else { return }
        _ = try EIPBehavior().delete(.id(eip), expectedRevision: nil, in: scope)
    }
}
