import EdgeCore
import Foundation
import GRDB

/// EIPs allocate from their network's pool on create, open a holding interval per address, and
/// give everything back on delete. They have no OVN rows of their own, so they are ready at once.
struct EIPBehavior: RecordKindBehavior {
    typealias Record = EIPRecord

    var syncsToOVN: Bool { false }
    var createAction: ChangeAction { .allocate }
    var removeAction: ChangeAction { .release }
    var filterColumns: [ListFilterField: String] { [.network: "network_id", .ip: "ip_v4"] }

    func prepare(_ input: ResourceInput<EIPSpec>, existing: EIP?, in scope: WriteScope) throws -> EIPSpec {
        if let existing { return try unchanged(input.spec, existing: existing, in: scope) }
        let network = try scope.resolve(input.spec.network, kind: .externalNetwork, field: "network")
        let request = AddressRequest(ipV4: input.spec.ipV4, ipV6: input.spec.ipV6, mac: input.spec.mac)
        let allocation: AddressAllocation
        do {
            allocation = try scope.withPool(network) { pool in try pool.allocate(request) }
        } catch let failure as FieldedIPAMError {
            throw Self.storeError(failure, network: network)
        }
        return EIPSpec(network: .id(network), ipV4: allocation.ipV4, ipV6: allocation.ipV6, mac: allocation.mac, usage: input.spec.usage)
    }

    func didWrite(old: EIP?, new: EIP?, in scope: WriteScope) throws {
        switch (old, new) {
        case (nil, let new?):
            // For the reconciler's references (`EIPAddressingCache`: safe to note before the commit).
            if let addressing = EIPAddressing(new) { scope.eipAddressing.remember([addressing]) }
            for ip in new.spec.addresses {
                try scope.db.execute(
                    sql: """
                    INSERT INTO ip_allocations (network_id, family, ip, eip_id, project, allocated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                    arguments: [try storedID(new.spec.network), ip.family.rawValue, ip.description, new.id.text, new.metadata.project, StoreTime.format(scope.now)]
                )
            }
        case (let old?, nil):
            try scope.db.execute(
                sql: "UPDATE ip_allocations SET released_at = ? WHERE eip_id = ? AND released_at IS NULL",
                arguments: [StoreTime.format(scope.now), old.id.text]
            )
            if let network = old.spec.network.id, let allocation = old.spec.allocation {
                try scope.withPool(network) { $0.release(allocation) }
            }
        default:
            break
        }
    }

    func users(of id: UUID, in db: Database) throws -> [ObjectReference] {
        try Self.users(of: id, in: db).map(\.reference)
    }

    /// Every object using the EIP with its sync phase, gateways first, each kind oldest first:
    /// one cached statement over the user tables.
    static func users(of id: UUID, in db: Database) throws -> [EIPUser] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: usersSQL), arguments: [id.text])
        return try rows.map { row in
            let kind = try parse(row["kind"] as String, as: ResourceKind.self, column: "kind")
            return EIPUser(reference: ObjectReference(kind: kind, id: try uuid(row["id"]), name: row["name"]),
                           phase: try parse(row["phase"] as String, as: SyncPhase.self, column: "phase"))
        }
    }

    private static let usersSQL = EIPUserFilter.userKinds.enumerated().map { position, kind in
        "SELECT \(position) AS position, '\(kind.rawValue)' AS kind, id, name, phase, seq FROM \(TableNames.table(of: kind)) WHERE eip_id = ?1"
    }.joined(separator: " UNION ALL ") + " ORDER BY position, seq"

    /// `usage` and `used_by` filters.
    func listConditions(_ query: ListQuery) throws -> [ListCondition] {
        if query.node != nil { throw StoreError.unsupportedFilter(kind: .eip, field: ListFilterField.node.rawValue) }
        var conditions: [ListCondition] = []
        if let usage = query.usage { conditions.append(ListCondition(sql: "t.usage = ?", arguments: [usage.rawValue])) }
        if let usedBy = query.usedBy {
            let used = { (kinds: [ResourceKind]) in
                "(" + kinds.map { "EXISTS (SELECT 1 FROM \(TableNames.table(of: $0)) u WHERE u.eip_id = t.id)" }.joined(separator: " OR ") + ")"
            }
            switch usedBy {
            case .unused: conditions.append(ListCondition(sql: "NOT " + used(EIPUserFilter.userKinds), arguments: []))
            case .used: conditions.append(ListCondition(sql: used(EIPUserFilter.userKinds), arguments: []))
            case .kind(let kind): conditions.append(ListCondition(sql: used([kind]), arguments: []))
            }
        }
        return conditions
    }

    /// Addresses and network never change after creation; the usage only while nothing uses
    /// the EIP.
    private func unchanged(_ spec: EIPSpec, existing: EIP, in scope: WriteScope) throws -> EIPSpec {
        var report = ValidationReport()
        if try !Self.sameObject(spec.network, existing.spec.network, kind: .externalNetwork, in: scope.db) {
            report.add("network", .immutable, "an EIP cannot move to another network")
        }
        if spec.ipV4 != existing.spec.ipV4 { report.add("ip_v4", .immutable, "an EIP's address cannot change") }
        if spec.ipV6 != existing.spec.ipV6 { report.add("ip_v6", .immutable, "an EIP's address cannot change") }
        if spec.mac != existing.spec.mac { report.add("mac", .immutable, "an EIP's MAC cannot change") }
        if !report.errors.isEmpty { throw StoreError.validation(ValidationFailure(report.errors)) }
        var kept = existing.spec
        if spec.usage != existing.spec.usage {
            let users = try users(of: existing.id, in: scope.db)
            if !users.isEmpty { throw StoreError.inUse(existing.reference, usedBy: users) }
            kept.usage = spec.usage
        }
        return kept
    }

    /// Whether `reference` names the object `stored` (an id reference) points at.
    static func sameObject(_ reference: ResourceReference, _ stored: ResourceReference, kind: ResourceKind, in db: Database) throws -> Bool {
        switch reference {
        case .id(let id): return id == stored.id
        case .name(let name):
            let id = try String.fetchOne(db, sql: "SELECT id FROM \(TableNames.table(of: kind)) WHERE name = ?", arguments: [name])
            return id == stored.id?.text
        }
    }

    static func storeError(_ failure: FieldedIPAMError, network: UUID) -> StoreError {
        switch failure.error {
        case .exhausted(let family): .poolExhausted(network: network, family: family)
        case .inUse(let address): .addressInUse(field: failure.field, address: address, network: network)
        default:
            .validation(ValidationFailure(
                field: failure.field, code: ValidationCode(rawValue: failure.error.code) ?? .invalidValue, message: failure.error.message
            ))
        }
    }
}

extension EIPSpec {
    /// The addresses an EIP holds, IPv4 first.
    var addresses: [IPAddress] { [ipV4.map(IPAddress.v4), ipV6.map(IPAddress.v6)].compactMap { $0 } }
}
