import EdgeCore
import Foundation

/// SNAT rules: (router, internal_cidr) unique (schema), prefix of a family the EIP has.
struct SNATRuleBehavior: RecordKindBehavior {
    typealias Record = SNATRuleRecord

    var filterColumns: [ListFilterField: String] { [.eip: "eip_id", .router: "router"] }

    func prepare(_ input: ResourceInput<SNATRuleSpec>, existing: SNATRule?, in scope: WriteScope) throws -> SNATRuleSpec {
        var spec = input.spec
        spec.eip = try EIPUse.resolve(spec.eip, family: spec.internalCIDR.family, familyField: "internal_cidr", in: scope)
        return spec
    }

    func didWrite(old: SNATRule?, new: SNATRule?, in scope: WriteScope) throws {
        try BindingLog.record(old: old, new: new, eip: \.eip, in: scope)
    }
}
