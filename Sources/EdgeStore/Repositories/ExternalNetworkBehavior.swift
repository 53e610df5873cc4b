import EdgeCore
import Foundation
import GRDB

/// External networks own IPAM pools. A change of CIDR may not strand existing EIPs; any change
/// rebuilds the pool. Deletion waits until no EIP or gateway uses the network.
struct ExternalNetworkBehavior: RecordKindBehavior {
    typealias Record = ExternalNetworkRecord

    var filterColumns: [ListFilterField: String] { [:] }

    func prepare(_ input: ResourceInput<ExternalNetworkSpec>, existing: ExternalNetwork?, in scope: WriteScope) throws -> ExternalNetworkSpec {
        guard let existing else { return input.spec }
        let spec = input.spec
        var report = ValidationReport()
        let rows = try Row.fetchAll(scope.db, sql: "SELECT id, ip_v4, ip_v6 FROM eips WHERE network_id = ?", arguments: [existing.id.text])
        for row in rows {
            let eip: String = row["id"]
            if let text: String = row["ip_v4"], let ip = IPv4Address(text) {
                if spec.cidrV4.map({ !$0.contains(ip) }) ?? true {
                    report.add("cidr_v4", .addressOutsideNetwork, "EIP \(eip) holds \(ip), which would be outside the network")
                }
                if spec.gatewayV4 == ip { report.add("gateway_v4", .invalidValue, "EIP \(eip) holds \(ip)") }
            }
            if let text: String = row["ip_v6"], let ip = IPv6Address(text) {
                if spec.cidrV6.map({ !$0.contains(ip) }) ?? true {
                    report.add("cidr_v6", .addressOutsideNetwork, "EIP \(eip) holds \(ip), which would be outside the network")
                }
                if spec.gatewayV6 == ip { report.add("gateway_v6", .invalidValue, "EIP \(eip) holds \(ip)") }
            }
            if report.errors.count >= 20 { break }
        }
        if !report.errors.isEmpty { throw StoreError.validation(ValidationFailure(report.errors)) }
        scope.reshapedNetworks.insert(existing.id)
        return spec
    }

    func didWrite(old: ExternalNetwork?, new: ExternalNetwork?, in scope: WriteScope) throws {
        if let old, new == nil { scope.reshapedNetworks.insert(old.id) }
    }

    func users(of id: UUID, in db: Database) throws -> [ObjectReference] {
        var users: [ObjectReference] = []
        for kind in [ResourceKind.eip, .routerGateway, .nodeGateway] {
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, name FROM \(TableNames.table(of: kind)) WHERE network_id = ? ORDER BY seq LIMIT 100",
                arguments: [id.text]
            )
            users += try rows.map { ObjectReference(kind: kind, id: try uuid($0["id"]), name: $0["name"]) }
        }
        return users
    }
}
