import EdgeCore
import GRDB

/// A row of `eips`.
struct EIPRecord: ResourceRecord {
    static let databaseTableName = "eips"

    var common: CommonColumns
    var networkID: String
    var ipV4: String?
    var ipV6: String?
    var mac: String
    var usage: String

    init(row: Row) {
        common = CommonColumns(row: row)
        networkID = row["network_id"]
        ipV4 = row["ip_v4"]
        ipV6 = row["ip_v6"]
        mac = row["mac"]
        usage = row["usage"]
    }

    init(common: CommonColumns, spec: EIPSpec) throws {
        self.common = common
        networkID = try storedID(spec.network)
        ipV4 = spec.ipV4?.description
        ipV6 = spec.ipV6?.description
        guard let mac = spec.mac else { throw StoreError.database("an EIP is stored without a MAC") }
        self.mac = mac.description
        usage = spec.usage.rawValue
    }

    func encode(to container: inout PersistenceContainer) {
        common.encode(to: &container)
        container["network_id"] = networkID
        container["ip_v4"] = ipV4
        container["ip_v6"] = ipV6
        container["mac"] = mac
        container["usage"] = usage
    }

    func spec() throws -> EIPSpec {
        EIPSpec(
            network: .id(try uuid(networkID, column: "network_id")),
            ipV4: try parse(ipV4, column: "ip_v4"), ipV6: try parse(ipV6, column: "ip_v6"),
            mac: try parse(mac, column: "mac") as MACAddress,
            usage: try parse(usage, as: EIPUsage.self, column: "usage")
        )
    }
}
