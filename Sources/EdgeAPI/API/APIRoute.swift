import HTTPServer
import HTTPTypes

/// One route of the API: what `RESTAPI.routes` lists and the OpenAPI test compares with the spec.
public struct APIRoute: Sendable {
    public let method: HTTPRequest.Method
    /// The pattern with `{name}` parameters, as written in openapi.yaml.
    public let pattern: String
    /// Who may call it (see `Access.of`).
    let access: Access
    /// Answered on the connection's I/O queue (`Router.on(inline:)`): only for handlers that
    /// never block — they answer from memory, or suspend while they wait.
    let inline: Bool
    let handler: Handler

    /// Wraps `body` so that every error it throws is answered as problem+json.
    init(_ method: HTTPRequest.Method, _ pattern: String, inline: Bool = false, _ body: @escaping Handler) {
        self.method = method
        self.pattern = pattern
        self.inline = inline
        self.access = Access.of(method, pattern)
        self.handler = { request, context in
            do {
                return try await body(request, context)
            } catch {
                let problem = Problem.from(error)
                if problem.status >= 500 {
                    context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.path)"])
                }
                return .problem(problem, request: request, context: context)
            }
        }
    }
}
