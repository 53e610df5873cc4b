import EdgeCore
import EdgeStore

/// `/v1/node-gateways`: a node's port on an external network's switch (Kube-OVN `node-ext-gw`).
/// Without `eip` the store allocates one for the gateway (and releases it with it). Only name
/// and labels change afterwards.
struct NodeGatewayWire: ResourceWire {
    static let path = "/v1/node-gateways"
    static func repository(_ store: Store) -> Repository<NodeGatewaySpec> { store.nodeGateways }
    static let filters: [ListFilter] = [.network, .eip, .node]
    static let immutableFields = ["node", "network", "eip", "port"]

    static func readSpec(_ body: inout ObjectReader) -> NodeGatewaySpec? {
        let node = body.nbName("node", required: true)
        let network = body.reference("network", required: true)
        let eip = body.reference("eip")
        let port = body.nbName("port")
        guard let node, let network else { return nil }
        return NodeGatewaySpec(node: node, network: network, eip: eip, port: port)
    }

    static func readPatch(_ body: inout ObjectReader) -> SpecChange<NodeGatewaySpec> { SpecChange() }

    static func encodeSpec(_ gateway: NodeGateway, _ lookup: WireLookup) throws -> [(key: String, value: JSONValue)] {
        let eip = try gateway.spec.eip.flatMap { try lookup.eip($0) }
        return [
            ("node", .string(gateway.spec.node)),
            ("port", .string(gateway.spec.portName)),
            ("network", ResourceEncoding.reference(gateway.spec.network)),
            ("eip", ResourceEncoding.reference(gateway.spec.eip)),
            ("mac", .text(eip?.spec.mac)),
            ("ip_v4", .text(eip?.spec.ipV4)),
            ("ip_v6", .text(eip?.spec.ipV6)),
        ]
    }
}
