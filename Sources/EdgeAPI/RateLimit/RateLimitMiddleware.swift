import HTTPServer
import HTTPTypes

/// Spends one token of the caller's bucket per request to a route that needs authentication;
/// an empty bucket is a 429 `rate-limited` with `Retry-After` (whole seconds, at least 1). The
/// key is the token id, or the client address when authentication is off.
struct RateLimitMiddleware: Middleware {
    let buckets: TokenBuckets
    let access: AuthMiddleware

    func handle(_ request: Request, context: RequestContext, next: Handler) async throws -> Response {
        guard access.access(of: request, context) != .open else { return try await next(request, context) }
        let tokenID = context[PrincipalKey.self]?.tokenID ?? ""
        let key = tokenID.isEmpty ? "addr:" + Self.host(context.remoteAddress) : "token:" + tokenID
        guard let wait = buckets.take(key) else { return try await next(request, context) }
        let seconds = max(1, Int(wait.rounded(.up)))
        let problem = Problem(status: 429, code: .rateLimited, title: "Too many requests",
                              detail: "this client may send \(buckets.limit.perSecond) requests per second (bursts of \(Int(buckets.limit.burst))); retry in \(seconds) s")
        var response = Response.problem(problem, request: request, context: context)
        response.headerFields[.retryAfter] = String(seconds)
        return response
    }

    /// `ip:port` or `[ip]:port` → ip.
    static func host(_ address: String) -> String {
        if address.hasPrefix("["), let end = address.firstIndex(of: "]") { return String(address[address.index(after: address.startIndex)..<end]) }
        guard let colon = address.lastIndex(of: ":") else { return address }
        return String(address[..<colon])
    }
}
