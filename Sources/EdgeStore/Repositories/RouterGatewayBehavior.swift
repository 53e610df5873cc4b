import EdgeCore
import Foundation
import GRDB

/// A router gateway uses an EIP of its network (usage `router-gateway`, see `GatewayEIP`), or gets
/// one allocated for it (released when the gateway is purged). Router, network and EIP are fixed
/// after creation.
struct RouterGatewayBehavior: RecordKindBehavior {
    typealias Record = RouterGatewayRecord

    var filterColumns: [ListFilterField: String] { [.network: "network_id", .eip: "eip_id", .router: "router"] }

    func prepare(_ input: ResourceInput<RouterGatewaySpec>, existing: RouterGateway?, in scope: WriteScope) throws -> RouterGatewaySpec {
        var spec = input.spec
        if let existing {
            var report = ValidationReport()
            if spec.router != existing.spec.router { report.add("router", .immutable, "create another gateway instead") }
            if try !EIPBehavior.sameObject(spec.network, existing.spec.network, kind: .externalNetwork, in: scope.db) {
                report.add("network", .immutable, "create another gateway instead")
            }
            if let eip = spec.eip, let stored = existing.spec.eip, try !EIPBehavior.sameObject(eip, stored, kind: .eip, in: scope.db) {
                report.add("eip", .immutable, "create another gateway instead")
            }
            if !report.errors.isEmpty { throw StoreError.validation(ValidationFailure(report.errors)) }
            spec.network = existing.spec.network
            spec.eip = existing.spec.eip
            return spec
        }
        let network = try scope.resolve(spec.network, kind: .externalNetwork, field: "network")
        spec.network = .id(network)
        spec.eip = .id(try GatewayEIP.take(spec.eip, network: network, usage: .routerGateway, project: input.project, in: scope))
        return spec
    }

    func insert(_ resource: RouterGateway, changeSeq: Int64, in scope: WriteScope) throws {
        var record = try RouterGatewayRecord(resource, changeSeq: changeSeq)
        record.eipOwned = resource.spec.eip?.id.map(scope.ownedEIPs.contains) ?? false
        try record.insert(scope.db)
    }

    func update(_ resource: RouterGateway, seq: Int64, changeSeq: Int64, in scope: WriteScope) throws {
        var record = try RouterGatewayRecord(resource, changeSeq: changeSeq, seq: seq)
        record.eipOwned = try Self.ownsEIP(resource.id, in: scope.db)
        try record.update(scope.db)
    }

    func didWrite(old: RouterGateway?, new: RouterGateway?, in scope: WriteScope) throws {
        try BindingLog.record(old: old, new: new, eip: \.eip, in: scope)
        try GatewayEIP.releaseIfGone(old?.spec.eip?.id, gone: old != nil && new == nil, in: scope)
    }

    func willRemove(_ existing: RouterGateway, in scope: WriteScope) throws {
        try GatewayEIP.markForRelease(existing.spec.eip?.id, of: existing.id, table: RouterGatewayRecord.databaseTableName, in: scope)
    }

    static func ownsEIP(_ gateway: UUID, in db: Database) throws -> Bool {
        try GatewayEIP.owned(gateway, table: RouterGatewayRecord.databaseTableName, in: db)
    }
}
