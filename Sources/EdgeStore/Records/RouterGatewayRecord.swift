import EdgeCore
import GRDB

/// A row of `router_gateways`. `eipOwned` marks an EIP allocated for the gateway itself, which
/// is released when the gateway goes.
struct RouterGatewayRecord: ResourceRecord {
    static let databaseTableName = "router_gateways"

    var common: CommonColumns
    var router: String
    var networkID: String
    var eipID: String
    var eipOwned: Bool
    var gatewayChassis: String     // JSON array
    var defaultRoute: Bool

    init(row: Row) {
        common = CommonColumns(row: row)
        router = row["router"]
        networkID = row["network_id"]
        eipID = row["eip_id"]
        eipOwned = row["eip_owned"]
        gatewayChassis = row["gateway_chassis"]
        defaultRoute = row["default_route"]
    }

    init(common: CommonColumns, spec: RouterGatewaySpec) throws {
        self.common = common
        router = spec.router
        networkID = try storedID(spec.network)
        guard let eip = spec.eip else { throw StoreError.database("a router gateway is stored without an EIP") }
        eipID = try storedID(eip)
        eipOwned = false
        gatewayChassis = try JSONCoding.encode(spec.gatewayChassis)
        defaultRoute = spec.defaultRoute
    }

    func encode(to container: inout PersistenceContainer) {
        common.encode(to: &container)
        container["router"] = router
        container["network_id"] = networkID
        container["eip_id"] = eipID
        container["eip_owned"] = eipOwned
        container["gateway_chassis"] = gatewayChassis
        container["default_route"] = defaultRoute
    }

    func spec() throws -> RouterGatewaySpec {
        RouterGatewaySpec(
            router: router, network: .id(try uuid(networkID, column: "network_id")),
            eip: .id(try uuid(eipID, column: "eip_id")),
            gatewayChassis: try JSONCoding.decode([String].self, from: gatewayChassis), defaultRoute: defaultRoute
        )
    }
}
