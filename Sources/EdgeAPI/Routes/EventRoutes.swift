import EdgeCore
import EdgeStore
import Foundation
import HTTPServer

/// `GET /v1/events`: the change log, oldest first, filtered.
struct EventRoutes {
    let environment: APIEnvironment

    var routes: [APIRoute] { [APIRoute(.get, "/v1/events", list)] }

    func list(_ request: Request, _ context: RequestContext) async throws -> Response {
        var parameters = try ListParameters(request, filters: [])
        var query = ChangeLogQuery(limit: parameters.limit(), pageToken: parameters.cursor())
        if let kind = parameters.take("object_kind") {
            query.kind = ResourceKind(rawValue: kind)
            if query.kind == nil { parameters.fail("object_kind", "invalid-value", "must be one of \(ResourceKind.allCases.map(\.rawValue).joined(separator: ", "))") }
        }
        if let id = parameters.take("object_id") {
            query.objectID = UUID(uuidString: id)
            if query.objectID == nil { parameters.fail("object_id", "invalid-value", "must be a UUID") }
        }
        if let action = parameters.take("action") {
            query.action = ChangeAction(rawValue: action)
            if query.action == nil { parameters.fail("action", "invalid-value", "must be one of \(ChangeAction.allCases.map(\.rawValue).joined(separator: ", "))") }
        }
        query.actor = parameters.nonEmpty("actor")
        query.requestID = parameters.nonEmpty("request_id")
        query.from = parameters.time("from")
        query.to = parameters.time("to")
        try parameters.finish()
        var page = try environment.store.changeLog.entries(query)
        let visibility = EventVisibility(store: environment.store, principal: environment.principal(context))
        page = Page(items: try page.items.filter(visibility.visible), nextPageToken: page.nextPageToken)
        return .json(EventEncoding.page(page, wrap: parameters.wrap))
    }
}

extension ListParameters {
    /// An RFC 3339 time query field.
    mutating func time(_ name: String) -> Date? {
        guard let text = take(name) else { return nil }
        guard let date = RFC3339.parse(text) else {
            fail(name, "invalid-value", "must be an RFC 3339 time such as 2025-01-02T03:04:05Z")
            return nil
        }
        return date
    }
}
