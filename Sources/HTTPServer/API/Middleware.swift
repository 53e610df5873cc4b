/// Wraps every handler, including the router's 404/405 answers (auth, metrics, access logs).
/// Middleware registered first is outermost. Requests the parser rejects (400, 413, 431 …) never
/// reach middleware; they are answered by the connection itself.
public protocol Middleware: Sendable {
    func handle(_ request: Request, context: RequestContext, next: Handler) async throws -> Response
}
