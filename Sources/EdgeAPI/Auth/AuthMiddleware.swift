import HTTPServer
import HTTPTypes

/// Authenticates every request to a route that is not open and checks the route's class
/// against the token's role; the principal goes into the request context. With authentication
/// off, every request runs as `Principal.local`.
struct AuthMiddleware: Middleware {
    let authenticator: Authenticator?
    /// `METHOD pattern` → class, from the registered routes.
    let access: [String: Access]

    func handle(_ request: Request, context: RequestContext, next: Handler) async throws -> Response {
        // Without authentication every caller is `Principal.local`, which is also what a context
        // without a principal means (`APIEnvironment.principal`): nothing to look up or store.
        guard let authenticator else { return try await next(request, context) }
        let routeAccess = access(of: request, context)
        var context = context
        guard routeAccess != .open else {
            context[PrincipalKey.self] = .local
            return try await next(request, context)
        }
        do {
            let principal = try authenticator.principal(request)
            if let needed = routeAccess.requiredRole, principal.role < needed {
                throw AuthFailure.forbidden(role: principal.role, needed: needed)
            }
            context[PrincipalKey.self] = principal
            context.addLoggerMetadata("actor", .string(principal.name))
        } catch let failure as AuthFailure {
            var response = Response.problem(failure.problem, request: request, context: context)
            if let challenge = failure.challenge { response.headerFields[.wwwAuthenticate] = challenge }
            return response
        }
        return try await next(request, context)
    }

    /// Unmatched paths (404/405) need a token too, as a read.
    func access(of request: Request, _ context: RequestContext) -> Access {
        guard let pattern = context.routePattern else { return .read }
        let method = request.method == .head ? HTTPRequest.Method.get : request.method
        return access["\(method.rawValue) \(pattern)"] ?? Access.of(method, pattern)
    }
}
