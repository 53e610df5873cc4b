/// Source NAT of an internal prefix (or single address) to an EIP (NB `NAT` type `snat`).
/// (router, internal_cidr) is unique.
public struct SNATRuleSpec: ResourceSpec {
    public static let kind = ResourceKind.snatRule

    public var eip: ResourceReference
    public var router: String
    public var internalCIDR: IPCIDR

    enum CodingKeys: String, CodingKey {
        case eip, router
        case internalCIDR = "internal_cidr"
    }

    public init(eip: ResourceReference, router: String, internalCIDR: IPCIDR) {
        self.eip = eip
        self.router = router
        self.internalCIDR = internalCIDR
    }

    public func validate() -> [FieldError] {
        var report = ValidationReport()
        if router.isEmpty { report.add("router", .required, "names the NB logical router") }
        return report.errors
    }
}
