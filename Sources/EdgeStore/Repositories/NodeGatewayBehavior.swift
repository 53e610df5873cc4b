import EdgeCore
import Foundation
import GRDB

/// A node gateway uses an EIP of its network (usage `node-gateway`, see `GatewayEIP`), or gets
/// one allocated for it (released when the gateway is purged). One per (node, network); the port
/// name defaults to the node's name and is unique. Node, port, network and EIP are fixed after
/// creation.
struct NodeGatewayBehavior: RecordKindBehavior {
    typealias Record = NodeGatewayRecord

    var filterColumns: [ListFilterField: String] { [.network: "network_id", .eip: "eip_id"] }

    func prepare(_ input: ResourceInput<NodeGatewaySpec>, existing: NodeGateway?, in scope: WriteScope) throws -> NodeGatewaySpec {
        var spec = input.spec
        if let existing {
            var report = ValidationReport()
            if spec.node != existing.spec.node { report.add("node", .immutable, "create another node gateway instead") }
            if spec.portName != existing.spec.portName { report.add("port", .immutable, "create another node gateway instead") }
            if try !EIPBehavior.sameObject(spec.network, existing.spec.network, kind: .externalNetwork, in: scope.db) {
                report.add("network", .immutable, "create another node gateway instead")
            }
            if let eip = spec.eip, let stored = existing.spec.eip, try !EIPBehavior.sameObject(eip, stored, kind: .eip, in: scope.db) {
                report.add("eip", .immutable, "create another node gateway instead")
            }
            if !report.errors.isEmpty { throw StoreError.validation(ValidationFailure(report.errors)) }
            return existing.spec
        }
        let network = try scope.resolve(spec.network, kind: .externalNetwork, field: "network")
        spec.network = .id(network)
        spec.port = spec.portName
        // The unique (node, network) and port checks come before an EIP is allocated, so a
        // duplicate never logs an allocation that is rolled back anyway, and its answer names
        // the clash rather than the EIP.
        if try Bool.fetchOne(scope.db, sql: "SELECT 1 FROM node_gateways WHERE node = ? AND network_id = ?", arguments: [spec.node, network.text]) == true {
            throw StoreError.uniqueViolation(kind: .nodeGateway, fields: ["node", "network"], value: spec.node)
        }
        if try Bool.fetchOne(scope.db, sql: "SELECT 1 FROM node_gateways WHERE port = ?", arguments: [spec.portName]) == true {
            throw StoreError.uniqueViolation(kind: .nodeGateway, fields: ["port"], value: spec.portName)
        }
        spec.eip = .id(try GatewayEIP.take(spec.eip, network: network, usage: .nodeGateway, project: input.project, in: scope))
        return spec
    }

    func insert(_ resource: NodeGateway, changeSeq: Int64, in scope: WriteScope) throws {
        var record = try NodeGatewayRecord(resource, changeSeq: changeSeq)
        record.eipOwned = resource.spec.eip?.id.map(scope.ownedEIPs.contains) ?? false
        try record.insert(scope.db)
    }

    func update(_ resource: NodeGateway, seq: Int64, changeSeq: Int64, in scope: WriteScope) throws {
        var record = try NodeGatewayRecord(resource, changeSeq: changeSeq, seq: seq)
        record.eipOwned = try Self.ownsEIP(resource.id, in: scope.db)
        try record.update(scope.db)
    }

    func didWrite(old: NodeGateway?, new: NodeGateway?, in scope: WriteScope) throws {
        try BindingLog.record(old: old, new: new, eip: \.eip, in: scope)
        try GatewayEIP.releaseIfGone(old?.spec.eip?.id, gone: old != nil && new == nil, in: scope)
    }

    func willRemove(_ existing: NodeGateway, in scope: WriteScope) throws {
        try GatewayEIP.markForRelease(existing.spec.eip?.id, of: existing.id, table: NodeGatewayRecord.databaseTableName, in: scope)
    }

    /// The `node` filter.
    func listConditions(_ query: ListQuery) throws -> [ListCondition] {
        for (field, given) in [(ListFilterField.usage, query.usage != nil), (.usedBy, query.usedBy != nil)] where given {
            throw StoreError.unsupportedFilter(kind: .nodeGateway, field: field.rawValue)
        }
        return query.node.map { [ListCondition(sql: "t.node = ?", arguments: [$0])] } ?? []
    }

    static func ownsEIP(_ gateway: UUID, in db: Database) throws -> Bool {
        try GatewayEIP.owned(gateway, table: NodeGatewayRecord.databaseTableName, in: db)
    }
}
