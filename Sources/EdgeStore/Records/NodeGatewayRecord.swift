import EdgeCore
import GRDB

/// A row of `node_gateways`. `eipOwned` marks an EIP allocated for the gateway itself, which is
/// released when the gateway goes. `port` is stored resolved (the node's name by default).
struct NodeGatewayRecord: ResourceRecord {
    static let databaseTableName = "node_gateways"

    var common: CommonColumns
    var node: String
    var port: String
    var networkID: String
    var eipID: String
    var eipOwned: Bool

    init(row: Row) {
        common = CommonColumns(row: row)
        node = row["node"]
        port = row["port"]
        networkID = row["network_id"]
        eipID = row["eip_id"]
        eipOwned = row["eip_owned"]
    }

    init(common: CommonColumns, spec: NodeGatewaySpec) throws {
        self.common = common
        node = spec.node
        port = spec.portName
        networkID = try storedID(spec.network)
        guard let eip = spec.eip else { throw StoreError.database("a node gateway is stored without an EIP") }
        eipID = try storedID(eip)
        eipOwned = false
    }

    func encode(to container: inout PersistenceContainer) {
        common.encode(to: &container)
        container["node"] = node
        container["port"] = port
        container["network_id"] = networkID
        container["eip_id"] = eipID
        container["eip_owned"] = eipOwned
    }

    func spec() throws -> NodeGatewaySpec {
        NodeGatewaySpec(node: node, network: .id(try uuid(networkID, column: "network_id")),
                        eip: .id(try uuid(eipID, column: "eip_id")), port: port)
    }
}
