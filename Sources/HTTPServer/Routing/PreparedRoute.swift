import HTTPTypes

/// A route with its middleware chain already composed.
struct PreparedRoute: Sendable {
    let method: HTTPRequest.Method
    let pattern: RoutePattern
    let bodyLimit: Int?
    let handler: Handler
}
