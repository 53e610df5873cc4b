import EdgeCore
import EdgeStore

/// `/v1/snat-rules`: source NAT of an internal prefix to an EIP; (router, internal_cidr) unique.
struct SNATRuleWire: ResourceWire {
    static let path = "/v1/snat-rules"
    static let bulkCreate = true
    static func repository(_ store: Store) -> Repository<SNATRuleSpec> { store.snatRules }
    static let filters: [ListFilter] = [.eip, .router]
    static let immutableFields = ["eip", "router"]
    static let outputFields = ["external_ip"]

    static func readSpec(_ body: inout ObjectReader) -> SNATRuleSpec? {
        let eip = body.reference("eip", required: true)
        let router = body.nbName("router", required: true)
        let cidr = body.ipCIDR("internal_cidr", required: true)
        guard let eip, let router, let cidr else { return nil }
        return SNATRuleSpec(eip: eip, router: router, internalCIDR: cidr)
    }

    static func readPatch(_ body: inout ObjectReader) -> SpecChange<SNATRuleSpec> {
        var change = SpecChange<SNATRuleSpec>()
        change.set(\.internalCIDR, body.ipCIDR("internal_cidr"))
        return change
    }

    static func encodeSpec(_ rule: SNATRule, _ lookup: WireLookup) throws -> [(key: String, value: JSONValue)] {
        [
            ("eip", ResourceEncoding.reference(rule.spec.eip)),
            ("router", .string(rule.spec.router)),
            ("external_ip", try lookup.externalIP(rule.spec.eip, family: rule.spec.internalCIDR.family)),
            ("internal_cidr", .text(rule.spec.internalCIDR)),
        ]
    }
}
