import HTTPTypes

/// One registration: method + pattern → handler, with an optional body limit of its own.
struct Route: Sendable {
    let method: HTTPRequest.Method
    let pattern: RoutePattern
    let bodyLimit: Int?
    let runsInline: Bool
    let handler: Handler
}
