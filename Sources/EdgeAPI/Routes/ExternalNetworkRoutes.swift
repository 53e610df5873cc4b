import EdgeCore
import EdgeStore
import HTTPServer

/// `GET /v1/external-networks/{id}/usage`: pool sizes and counts (the CRUD routes are the shared
/// `ResourceRoutes<ExternalNetworkWire>`).
struct ExternalNetworkRoutes {
    let environment: APIEnvironment

    var routes: [APIRoute] { [APIRoute(.get, ExternalNetworkWire.itemPath + "/usage", usage)] }

    func usage(_ request: Request, _ context: RequestContext) async throws -> Response {
        let reference = ResourceReference(request.pathParameters["id"] ?? "")
        let network = try environment.store.networks.get(reference)
        let usage = try environment.store.networks.usage(.id(network.id))
        func pool(_ pool: NetworkUsage.Family?, cidr: (some CustomStringConvertible)?) -> JSONValue {
            guard let pool, let cidr else { return .null }
            return .object([
                ("cidr", .string(cidr.description)),
                ("usable", .string(String(pool.usable))),
                ("allocated", .string(String(pool.allocated))),
                ("free", .string(String(pool.free))),
            ])
        }
        return .json(.object([
            ("network", .string(network.id.uuidString.lowercased())),
            ("v4", pool(usage.v4, cidr: network.spec.cidrV4)),
            ("v6", pool(usage.v6, cidr: network.spec.cidrV6)),
            ("eips", .integer(usage.eips)),
            ("router_gateways", .integer(usage.routerGateways)),
            ("node_gateways", .integer(usage.nodeGateways)),
        ]))
    }
}
