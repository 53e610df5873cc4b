import EdgeCore
import GRDB

/// A row of `snat_rules`.
struct SNATRuleRecord: ResourceRecord {
    static let databaseTableName = "snat_rules"

    var common: CommonColumns
    var eipID: String
    var router: String
    var internalCIDR: String

    init(row: Row) {
        common = CommonColumns(row: row)
        eipID = row["eip_id"]
        router = row["router"]
        internalCIDR = row["internal_cidr"]
    }

    init(common: CommonColumns, spec: SNATRuleSpec) throws {
        self.common = common
        eipID = try storedID(spec.eip)
        router = spec.router
        internalCIDR = spec.internalCIDR.description
    }

    func encode(to container: inout PersistenceContainer) {
        common.encode(to: &container)
        container["eip_id"] = eipID
        container["router"] = router
        container["internal_cidr"] = internalCIDR
    }

    func spec() throws -> SNATRuleSpec {
        SNATRuleSpec(eip: .id(try uuid(eipID, column: "eip_id")), router: router, internalCIDR: try parse(internalCIDR, column: "internal_cidr"))
    }
}
