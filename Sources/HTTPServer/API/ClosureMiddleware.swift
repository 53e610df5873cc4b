/// Middleware from a closure: `router.use { request, context, next in try await next(request, context) }`.
public struct ClosureMiddleware: Middleware {
    let body: @Sendable (Request, RequestContext, Handler) async throws -> Response

    public init(_ body: @escaping @Sendable (Request, RequestContext, Handler) async throws -> Response) {
        self.body = body
    }

    public func handle(_ request: Request, context: RequestContext, next: Handler) async throws -> Response {
        try await body(request, context, next)
    }
}
