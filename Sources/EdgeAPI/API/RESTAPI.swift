import EdgeStore
import HTTPServer
import Logging

/// The REST API v1: every route of openapi/openapi.yaml over a store.
///
///     let api = RESTAPI(store: store, signals: signals, sync: NoReconciler(),
///                       options: APIOptions(authentication: true))
///     var router = Router()
///     api.register(into: &router)
///
/// Where things are: a route's handler is in `Routes/<Kind>Routes.swift` (the seven resource
/// kinds share `Routes/ResourceRoutes.swift`), how a body is read and a resource written out is
/// in `Wire/<Kind>Wire.swift`, and addresses are allocated by the store (`EdgeStore`'s
/// `EIPBehavior`), never here. Tokens, roles and project scopes are in `Auth/`, `/metrics` in
/// `Metrics/`, the event stream in `Events/`.
public struct RESTAPI: Sendable {
    let environment: APIEnvironment
    let options: APIOptions
    let httpMetrics = HTTPMetrics()

    public init(store: Store, signals: StoreSignals, sync: any SyncStateProvider = NoReconciler(), options: APIOptions = APIOptions()) {
        environment = APIEnvironment(store: store, signals: signals, sync: sync, idempotency: IdempotencyGuard())
        self.options = options
    }

    /// Every route, in the order of the spec.
    public var routes: [APIRoute] {
        OperationsRoutes(environment: environment).routes
            + MetricsRoutes(environment: environment, http: httpMetrics, sync: options.syncMetrics).routes
            + ResourceRoutes<ExternalNetworkWire>(environment: environment).routes
            + ExternalNetworkRoutes(environment: environment).routes
            + ResourceRoutes<EIPWire>(environment: environment).routes
            + HistoryRoutes(environment: environment).routes
            + ResourceRoutes<RouterGatewayWire>(environment: environment).routes
            + ResourceRoutes<NodeGatewayWire>(environment: environment).routes
            + ResourceRoutes<FloatingIPWire>(environment: environment).routes
            + ResourceRoutes<SNATRuleWire>(environment: environment).routes
            + ResourceRoutes<DNATRuleWire>(environment: environment).routes
            + ResourceRoutes<MirrorWire>(environment: environment).routes
            + MirrorPortRoutes(environment: environment).routes
            + EventRoutes(environment: environment).routes
            + EventStreamRoutes(environment: environment).routes
    }

    /// Writes the access-log lines still waiting for their writer (call after the server
    /// stopped, before the process exits).
    public static func flushAccessLog() {
        AccessLogMiddleware.writer.flush()
    }

    /// Registers the routes (each with its body limit) and the middleware, outermost first:
    /// metrics, access log, authentication and roles, rate limit.
    public func register(into router: inout Router) {
        let routes = self.routes
        var access: [String: Access] = [:]
        for route in routes {
            access["\(route.method.rawValue) \(route.pattern)"] = route.access
            router.on(route.method, route.pattern, bodyLimit: BodyLimits.limit(route.method, route.pattern), inline: route.inline, route.handler)
        }
        let auth = AuthMiddleware(authenticator: options.authentication ? Authenticator(store: environment.store) : nil, access: access)
        router.use(MetricsMiddleware(metrics: httpMetrics))
        if options.accessLog { router.use(AccessLogMiddleware()) }
        router.use(auth)
        if let limit = options.rateLimit { router.use(RateLimitMiddleware(buckets: TokenBuckets(limit), access: auth)) }
        router.notFound { request, context in
            .problem(Problem(status: 404, code: .notFound, title: "Not found", detail: "no route for \(request.path)"),
                     request: request, context: context)
        }
    }
}
