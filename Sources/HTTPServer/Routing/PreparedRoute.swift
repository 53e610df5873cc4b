import HTTPTypes

/// A route with its middleware chain already composed.
struct PreparedRoute: Sendable {
    let method: HTTPRequest.Method
    let pattern: RoutePattern
    let bodyLimit: Int?
    /// Run on the connection's I/O queue until the handler first suspends (`Router.on(inline:)`).
    let runsInline: Bool
    let handler: Handler
}
