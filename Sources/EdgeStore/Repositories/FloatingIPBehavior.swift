import EdgeCore
import Foundation

/// Floating IPs: one per EIP (schema `UNIQUE(eip_id)`), internal address of a family the EIP has.
struct FloatingIPBehavior: RecordKindBehavior {
    typealias Record = FloatingIPRecord

    var filterColumns: [ListFilterField: String] { [.eip: "eip_id", .router: "router"] }

    func prepare(_ input: ResourceInput<FloatingIPSpec>, existing: FloatingIP?, in scope: WriteScope) throws -> FloatingIPSpec {
        var spec = input.spec
        spec.eip = try EIPUse.resolve(spec.eip, family: spec.internalIP.family, familyField: "internal_ip", in: scope)
        return spec
    }

    func didWrite(old: FloatingIP?, new: FloatingIP?, in scope: WriteScope) throws {
        try BindingLog.record(old: old, new: new, eip: \.eip, in: scope)
    }
}
