import EdgeCore
import EdgeStore
import Foundation
import HTTPServer

/// Allocation history: the events of one EIP, and who held an address when.
struct HistoryRoutes {
    let environment: APIEnvironment

    var routes: [APIRoute] {
        [
            APIRoute(.get, EIPWire.itemPath + "/history", eipHistory),
            APIRoute(.get, "/v1/ip-history", ipHistory),
        ]
    }

    /// Works after the EIP was released too (by id): the history outlives the object.
    func eipHistory(_ request: Request, _ context: RequestContext) async throws -> Response {
        let reference = ResourceReference(request.pathParameters["id"] ?? "")
        var parameters = try ListParameters(request, filters: [])
        let limit = parameters.limit()
        let cursor = parameters.cursor()
        try parameters.finish()
        let id: UUID
        let scope = ProjectScope(principal: environment.principal(context), kind: .eip)
        if let eip = try environment.store.eips.find(reference) {
            guard scope.sees(eip) else { throw Problem.notFound("eip", reference.description) }
            id = eip.id
        } else if let released = reference.id {
            id = released
        } else {
            throw Problem.notFound("eip", reference.description)
        }
        let page = try environment.store.eips.history(id, limit: limit, pageToken: cursor)
        if page.items.isEmpty && cursor == nil { throw Problem.notFound("eip", reference.description) }
        // A released EIP of another project: its snapshots name the project.
        let visibility = EventVisibility(store: environment.store, principal: environment.principal(context))
        if scope.project != nil, let first = page.items.first, try !visibility.visible(first) {
            throw Problem.notFound("eip", reference.description)
        }
        return .json(EventEncoding.page(page, wrap: parameters.wrap))
    }

    func ipHistory(_ request: Request, _ context: RequestContext) async throws -> Response {
        var parameters = try ListParameters(request, filters: [])
        let limit = parameters.limit()
        let cursor = parameters.cursor()
        var ip: IPAddress?
        if let text = parameters.take("ip") {
            ip = IPAddress(text)
            if ip == nil { parameters.fail("ip", "invalid-ip", "\(String(reflecting: text)) is not an IP address") }
        } else {
            parameters.fail("ip", "required", "is required")
        }
        let network = parameters.nonEmpty("network").map(ResourceReference.init)
        let from = parameters.time("from")
        let to = parameters.time("to")
        try parameters.finish()
        guard let ip else { throw Problem.internalError("ip was checked") }
        let page = try environment.store.allocationHistory.holdings(of: ip, network: network, from: from, to: to, limit: limit, pageToken: cursor)
        let project = environment.principal(context).project
        let items: [JSONValue] = page.items.filter { project == nil || $0.project == project }.map { holding in
            .object([
                ("network", .string(holding.network.uuidString.lowercased())),
                ("ip", .text(holding.ip)),
                ("eip", .string(holding.eip.uuidString.lowercased())),
                ("project", .string(holding.project)),
                ("allocated_at", .timestamp(holding.allocatedAt)),
                ("released_at", holding.releasedAt.map(JSONValue.timestamp) ?? .null),
                ("bindings", .array(holding.bindings.map { binding in
                    .object([
                        ("kind", .string(binding.kind.rawValue)),
                        ("id", .string(binding.id.uuidString.lowercased())),
                        ("bound_at", .timestamp(binding.boundAt)),
                        ("unbound_at", binding.unboundAt.map(JSONValue.timestamp) ?? .null),
                    ])
                })),
            ])
        }
        return .json(.object([("items", .array(items)), ("next_page_token", .string(page.nextPageToken.map(parameters.wrap)))]))
    }
}
