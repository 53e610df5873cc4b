import EdgeCore
import Foundation
import GRDB

/// Shared checks of the kinds that use an EIP (floating IPs, SNAT and DNAT rules).
enum EIPUse {
    /// A resolved `nat` EIP and the distribution mode of its external network.
    struct Resolved {
        var reference: ResourceReference
        var networkMode: DistributionMode
    }

    /// Resolves the EIP reference and checks the EIP is a `nat` EIP with an address of `family`.
    static func resolve(_ reference: ResourceReference, family: IPFamily, familyField: String, in scope: WriteScope) throws -> ResourceReference {
        try resolveWithMode(reference, family: family, familyField: familyField, in: scope).reference
    }

    /// `resolve`, also reading the mode of the EIP's network (a FIP that names none inherits it).
    /// One cached query instead of three (reference, usage and address, mode): each was a
    /// separate statement per created rule (benchmarks/RESULTS.md, write path).
    static func resolveWithMode(_ reference: ResourceReference, family: IPFamily, familyField: String, in scope: WriteScope) throws -> Resolved {
        let select = """
            SELECT e.id, e.name, e.phase, e.usage, e.ip_v4, e.ip_v6, n.mode
            FROM eips e LEFT JOIN external_networks n ON n.id = e.network_id
            """
        let (statement, argument) = switch reference {
        case .id(let id): (try scope.db.cachedStatement(sql: select + " WHERE e.id = ?"), id.text)
        case .name(let name): (try scope.db.cachedStatement(sql: select + " WHERE e.name = ?"), name)
        }
        // The checks and errors of `WriteScope.resolve` and then the usage and family checks, in
        // that order. Read straight from SQLite (`withFirstRow`): one lookup per created rule.
        let (eip, mode) = try statement.withFirstRow(.text(argument)) { row in
            guard let row else { throw StoreError.notFound(kind: .eip, reference: reference.description, field: "eip") }
            let eip = try uuid(try row.requiredText(0))
            if row.text(2) == SyncPhase.deleting.rawValue {
                throw StoreError.deleting(ObjectReference(kind: .eip, id: eip, name: row.text(1)))
            }
            let usage = try parse(try row.requiredText(3), as: EIPUsage.self, column: "usage")
            if usage != .nat {
                throw StoreError.eipUsageMismatch(ObjectReference(kind: .eip, id: eip, name: row.text(1)), usage: usage, required: .nat)
            }
            let addresses = EIPAddresses(ipV4: row.text(4), ipV6: row.text(5))
            guard addresses.address(family) != nil else {
                throw StoreError.validation(ValidationFailure(
                    field: familyField, code: .familyMismatch, message: "the EIP has no \(family.rawValue) address"
                ))
            }
            // An EIP whose network row is missing (never, with the foreign key) counts as centralized.
            let mode = try parse(row.text(6) ?? DistributionMode.centralized.rawValue, as: DistributionMode.self, column: "mode")
            scope.eipAddresses.remember(eip, addresses)
            return (eip, mode)
        }
        return Resolved(reference: .id(eip), networkMode: mode)
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
