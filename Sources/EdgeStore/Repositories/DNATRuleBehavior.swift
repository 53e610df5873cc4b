import EdgeCore
import Foundation

/// DNAT rules: (eip, protocol, external_port) unique (schema), target of a family the EIP has.
struct DNATRuleBehavior: RecordKindBehavior {
    typealias Record = DNATRuleRecord

    var filterColumns: [ListFilterField: String] { [.eip: "eip_id", .router: "router"] }

    func prepare(_ input: ResourceInput<DNATRuleSpec>, existing: DNATRule?, in scope: WriteScope) throws -> DNATRuleSpec {
        var spec = input.spec
        spec.eip = try EIPUse.resolve(spec.eip, family: spec.internalIP.family, familyField: "internal_ip", in: scope)
        return spec
    }

    func didWrite(old: DNATRule?, new: DNATRule?, in scope: WriteScope) throws {
        try BindingLog.record(old: old, new: new, eip: \.eip, in: scope)
    }
}
