import EdgeCore
import Foundation
import GRDB

/// Floating IPs: one per EIP (schema `UNIQUE(eip_id)`), internal address of a family the EIP has.
struct FloatingIPBehavior: RecordKindBehavior {
    typealias Record = FloatingIPRecord

    var filterColumns: [ListFilterField: String] { [.eip: "eip_id", .router: "router"] }

    func prepare(_ input: ResourceInput<FloatingIPSpec>, existing: FloatingIP?, in scope: WriteScope) throws -> FloatingIPSpec {
        var spec = input.spec
        let eip = try EIPUse.resolveWithMode(spec.eip, family: spec.internalIP.family, familyField: "internal_ip", in: scope)
        spec.eip = eip.reference
        if !spec.inherited.isEmpty {
            // The mode of the EIP's external network: the default of a FIP that names none.
            spec.inherit(networkMode: eip.networkMode)
            let problems = spec.validate()
            if !problems.isEmpty { throw StoreError.validation(ValidationFailure(problems)) }
        }
        return spec
    }

    func didWrite(old: FloatingIP?, new: FloatingIP?, in scope: WriteScope) throws {
        try BindingLog.record(old: old, new: new, eip: \.eip, in: scope)
    }
}
