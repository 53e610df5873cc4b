import EdgeCore
import EdgeStore

/// `/v1/router-gateways`: a router's port on an external network. Without `eip` the store
/// allocates one for the gateway (and releases it with it).
struct RouterGatewayWire: ResourceWire {
    static let path = "/v1/router-gateways"
    static func repository(_ store: Store) -> Repository<RouterGatewaySpec> { store.routerGateways }
    static let filters: [ListFilter] = [.network, .eip, .router]
    static let immutableFields = ["router", "network", "eip"]

    static func readSpec(_ body: inout ObjectReader) -> RouterGatewaySpec? {
        let router = body.nbName("router", required: true)
        let network = body.reference("network", required: true)
        let eip = body.reference("eip")
        let chassis = body.stringArray("gateway_chassis", maxCount: 32) ?? []
        let defaultRoute = body.bool("default_route") ?? true
        guard let router, let network else { return nil }
        return RouterGatewaySpec(router: router, network: network, eip: eip, gatewayChassis: chassis, defaultRoute: defaultRoute)
    }

    static func readPatch(_ body: inout ObjectReader) -> SpecChange<RouterGatewaySpec> {
        var change = SpecChange<RouterGatewaySpec>()
        change.set(\.gatewayChassis, body.stringArray("gateway_chassis", maxCount: 32))
        change.set(\.defaultRoute, body.bool("default_route"))
        return change
    }

    static func encodeSpec(_ gateway: RouterGateway, _ lookup: WireLookup) -> [(key: String, value: JSONValue)] {
        [
            ("router", .string(gateway.spec.router)),
            ("network", ResourceEncoding.reference(gateway.spec.network)),
            ("eip", ResourceEncoding.reference(gateway.spec.eip)),
            ("gateway_chassis", .strings(gateway.spec.gatewayChassis)),
            ("default_route", .bool(gateway.spec.defaultRoute)),
        ]
    }
}
