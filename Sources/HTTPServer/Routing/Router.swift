import HTTPTypes

/// Collects routes and middleware; the server compiles it into a matching tree when it starts.
///
///     var router = Router()
///     router.use { request, context, next in try await next(request, context) }
///     router.get("/v1/eips/{id}") { request, context in
///         .text(request.pathParameters["id"] ?? "")
///     }
///
/// HEAD is answered by the GET handler (the body is dropped) unless a HEAD route exists; a known
/// path with another method gets 405 with `Allow`; an unknown path 404.
public struct Router: Sendable {
    var routes: [Route] = []
    var middleware: [any Middleware] = []
    var notFoundHandler: Handler?

    public init() {}

    /// Registers `handler` for `method` on `pattern`; `bodyLimit` overrides the server default.
    ///
    /// `inline: true` runs the handler (with its middleware) on the connection's I/O queue until
    /// it first suspends, instead of handing every request to the handler pool and the response
    /// back: for handlers that answer from memory. Such a handler must not block (no synchronous
    /// file or database I/O, no long lock), because the I/O queue serves other connections too;
    /// an `await` that really waits is fine — the rest then runs on the pool.
    public mutating func on(
        _ method: HTTPRequest.Method, _ pattern: String, bodyLimit: Int? = nil, inline: Bool = false,
        _ handler: @escaping Handler
    ) {
        let route = Route(method: method, pattern: RoutePattern(pattern), bodyLimit: bodyLimit, runsInline: inline, handler: handler)
        precondition(
            !routes.contains { $0.method == method && $0.pattern.segments == route.pattern.segments },
            "route \(method) \(pattern) registered twice"
        )
        routes.append(route)
    }

    /// Adds middleware around every handler; the first added runs outermost.
    public mutating func use(_ middleware: some Middleware) {
        self.middleware.append(middleware)
    }

    public mutating func use(_ body: @escaping @Sendable (Request, RequestContext, Handler) async throws -> Response) {
        middleware.append(ClosureMiddleware(body))
    }

    /// Replaces the default 404 answer (an empty body) for unmatched paths.
    public mutating func notFound(_ handler: @escaping Handler) {
        notFoundHandler = handler
    }

    /// Routes a request the way the server does, without sockets: for handler tests.
    public func handle(_ request: Request, context: RequestContext) async throws -> Response {
        let prepared = PreparedRouter(self)
        let (handler, parameters, pattern) = prepared.handler(for: request.method, path: request.path)
        var request = request
        request.pathParameters = parameters
        let context = RequestContext(
            requestID: context.requestID, logger: context.logger, remoteAddress: context.remoteAddress,
            isTLS: context.isTLS, routePattern: pattern, storage: context.storage
        )
        return try await handler(request, context)
    }
}
