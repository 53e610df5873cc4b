import EdgeCore
import GRDB

/// A row of `dnat_rules`.
struct DNATRuleRecord: ResourceRecord {
    static let databaseTableName = "dnat_rules"

    var common: CommonColumns
    var eipID: String
    var router: String
    var `protocol`: String
    var externalPort: Int
    var internalIP: String
    var internalPort: Int

    init(row: Row) {
        common = CommonColumns(row: row)
        eipID = row["eip_id"]
        router = row["router"]
        `protocol` = row["protocol"]
        externalPort = row["external_port"]
        internalIP = row["internal_ip"]
        internalPort = row["internal_port"]
    }

    init(common: CommonColumns, spec: DNATRuleSpec) throws {
        self.common = common
        eipID = try storedID(spec.eip)
        router = spec.router
        `protocol` = spec.protocol.rawValue
        externalPort = Int(spec.externalPort.value)
        internalIP = spec.internalIP.description
        internalPort = Int(spec.internalPort.value)
    }

    func encode(to container: inout PersistenceContainer) {
        common.encode(to: &container)
        container["eip_id"] = eipID
        container["router"] = router
        container["protocol"] = `protocol`
        container["external_port"] = externalPort
        container["internal_ip"] = internalIP
        container["internal_port"] = internalPort
    }

    func spec() throws -> DNATRuleSpec {
        guard let externalPort = Port(externalPort) else { throw corrupt("external_port", String(externalPort)) }
        guard let internalPort = Port(internalPort) else { throw corrupt("internal_port", String(internalPort)) }
        return DNATRuleSpec(
            eip: .id(try uuid(eipID, column: "eip_id")), router: router,
            protocol: try parse(`protocol`, as: TransportProtocol.self, column: "protocol"),
            externalPort: externalPort, internalIP: try parse(internalIP, column: "internal_ip"), internalPort: internalPort
        )
    }
}
