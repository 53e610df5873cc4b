import HTTPTypes

/// What the router decided for a method and path.
enum RouteResolution: Sendable {
    case route(PreparedRoute, PathParameters)
    case methodNotAllowed(allow: [HTTPRequest.Method])
    case notFound
    /// A method no route uses and HTTP does not define (→ 501).
    case notImplemented
}
