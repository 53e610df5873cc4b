import EdgeCore
import Foundation
import GRDB

/// Floating IPs: one per EIP (schema `UNIQUE(eip_id)`), internal address of a family the EIP has.
struct FloatingIPBehavior: RecordKindBehavior {
    typealias Record = FloatingIPRecord

    var filterColumns: [ListFilterField: String] { [.eip: "eip_id", .router: "router"] }

    func prepare(_ input: ResourceInput<FloatingIPSpec>, existing: FloatingIP?, in scope: WriteScope) throws -> FloatingIPSpec {
        var spec = input.spec
        spec.eip = try EIPUse.resolve(spec.eip, family: spec.internalIP.family, familyField: "internal_ip", in: scope)
        if !spec.inherited.isEmpty {
            spec.inherit(networkMode: try networkMode(of: spec.eip.id, in: scope))
            let problems = spec.validate()
            if !problems.isEmpty { throw StoreError.validation(ValidationFailure(problems)) }
        }
        return spec
    }

    /// The mode of the EIP's external network: the default of a FIP that names none.
    private func networkMode(of eip: UUID?, in scope: WriteScope) throws -> DistributionMode {
        guard let eip else { return .centralized }
        let text = try String.fetchOne(scope.db, sql: """
            SELECT n.mode FROM eips e JOIN external_networks n ON n.id = e.network_id WHERE e.id = ?
            """, arguments: [eip.text])
        return try parse(text ?? DistributionMode.centralized.rawValue, as: DistributionMode.self, column: "mode")
    }

    func didWrite(old: FloatingIP?, new: FloatingIP?, in scope: WriteScope) throws {
        try BindingLog.record(old: old, new: new, eip: \.eip, in: scope)
    }
}
