import EdgeCore
import GRDB

/// A row of `fips`.
struct FloatingIPRecord: ResourceRecord {
    static let databaseTableName = "fips"

    var common: CommonColumns
    var eipID: String
    var router: String
    var internalIP: String
    var logicalPort: String?
    var mode: String
    var stateless: Bool

    init(row: Row) {
        common = CommonColumns(row: row)
        eipID = row["eip_id"]
        router = row["router"]
        internalIP = row["internal_ip"]
        logicalPort = row["logical_port"]
        mode = row["mode"]
        stateless = row["stateless"]
    }

    init(common: CommonColumns, spec: FloatingIPSpec) throws {
        self.common = common
        eipID = try storedID(spec.eip)
        router = spec.router
        internalIP = spec.internalIP.description
        logicalPort = spec.logicalPort
        mode = spec.mode.rawValue
        stateless = spec.stateless
    }

    func encode(to container: inout PersistenceContainer) {
        common.encode(to: &container)
        container["eip_id"] = eipID
        container["router"] = router
        container["internal_ip"] = internalIP
        container["logical_port"] = logicalPort
        container["mode"] = mode
        container["stateless"] = stateless
    }

    func spec() throws -> FloatingIPSpec {
        FloatingIPSpec(
            eip: .id(try uuid(eipID, column: "eip_id")), router: router,
            internalIP: try parse(internalIP, column: "internal_ip"), logicalPort: logicalPort,
            mode: try parse(mode, as: DistributionMode.self, column: "mode"), stateless: stateless
        )
    }
}
