import HTTPTypes

/// The immutable matching tree the server uses; built once from a `Router`.
struct PreparedRouter: Sendable {
    static let standardMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]

    let root: RouteNode
    let middleware: [any Middleware]
    let notFound: Handler
    let knownMethods: Set<String>

    init(_ router: Router) {
        var root = RouteNode()
        for route in router.routes {
            let handler = Self.compose(route.handler, router.middleware)
            let prepared = PreparedRoute(
                method: route.method, pattern: route.pattern, bodyLimit: route.bodyLimit, runsInline: route.runsInline, handler: handler
            )
            root.insert(prepared, segments: route.pattern.segments[...])
        }
        self.root = root
        self.middleware = router.middleware
        self.notFound = Self.compose(router.notFoundHandler ?? { _, _ in Response(status: .notFound) }, router.middleware)
        self.knownMethods = Self.standardMethods.union(router.routes.map(\.method.rawValue))
    }

    static func compose(_ handler: @escaping Handler, _ middleware: [any Middleware]) -> Handler {
        middleware.reversed().reduce(handler) { next, layer in
            { request, context in try await layer.handle(request, context: context, next: next) }
        }
    }

    func resolve(method: HTTPRequest.Method, path: String) -> RouteResolution {
        guard knownMethods.contains(method.rawValue) else { return .notImplemented }
        let segments = PathSegments.split(path).map { PercentDecoding.decode($0) }
        var values: [String] = []
        guard let node = root.match(segments[...], values: &values) else { return .notFound }
        let route = node.routes[method.rawValue] ?? (method == .head ? node.routes["GET"] : nil)
        guard let route else {
            var allow = node.routes.values.map(\.method)
            if node.routes["GET"] != nil && node.routes["HEAD"] == nil { allow.append(.head) }
            return .methodNotAllowed(allow: allow.sorted { $0.rawValue < $1.rawValue })
        }
        let names = route.pattern.parameterNames
        return .route(route, PathParameters(Dictionary(uniqueKeysWithValues: zip(names, values))))
    }

    /// The handler to run (with middleware) for a resolution, plus parameters and pattern.
    func handler(for method: HTTPRequest.Method, path: String) -> (Handler, PathParameters, String?) {
        handler(for: resolve(method: method, path: path))
    }

    func handler(for resolution: RouteResolution) -> (Handler, PathParameters, String?) {
        switch resolution {
        case .route(let route, let parameters):
            return (route.handler, parameters, route.pattern.text)
        case .notFound:
            return (notFound, PathParameters(), nil)
        case .methodNotAllowed(let allow):
            let value = allow.map(\.rawValue).joined(separator: ", ")
            let answer: Handler = { _, _ in Response(status: .methodNotAllowed, headerFields: [.allow: value]) }
            return (Self.compose(answer, middleware), PathParameters(), nil)
        case .notImplemented:
            return ({ _, _ in Response(status: .notImplemented) }, PathParameters(), nil)
        }
    }
}
