import EdgeStore
import HTTPServer

/// The REST API v1: every route of openapi/openapi.yaml over a store.
///
///     let api = RESTAPI(store: store, signals: signals, sync: NoReconciler())
///     var router = Router()
///     api.register(into: &router)
///
/// Where things are: a route's handler is in `Routes/<Kind>Routes.swift` (the seven resource
/// kinds share `Routes/ResourceRoutes.swift`), how a body is read and a resource written out is
/// in `Wire/<Kind>Wire.swift`, and addresses are allocated by the store (`EdgeStore`'s
/// `EIPBehavior`), never here.
public struct RESTAPI: Sendable {
    let environment: APIEnvironment

    public init(store: Store, signals: StoreSignals, sync: any SyncStateProvider = NoReconciler()) {
        environment = APIEnvironment(store: store, signals: signals, sync: sync, idempotency: IdempotencyGuard())
    }

    /// Every route, in the order of the spec.
    public var routes: [APIRoute] {
        OperationsRoutes(environment: environment).routes
            + ResourceRoutes<ExternalNetworkWire>(environment: environment).routes
            + ExternalNetworkRoutes(environment: environment).routes
            + ResourceRoutes<EIPWire>(environment: environment).routes
            + HistoryRoutes(environment: environment).routes
            + ResourceRoutes<RouterGatewayWire>(environment: environment).routes
            + ResourceRoutes<FloatingIPWire>(environment: environment).routes
            + ResourceRoutes<SNATRuleWire>(environment: environment).routes
            + ResourceRoutes<DNATRuleWire>(environment: environment).routes
            + ResourceRoutes<MirrorWire>(environment: environment).routes
            + MirrorPortRoutes(environment: environment).routes
            + EventRoutes(environment: environment).routes
    }

    public func register(into router: inout Router) {
        for route in routes { router.on(route.method, route.pattern, bodyLimit: 1 << 20, route.handler) }
        router.notFound { request, context in
            .problem(Problem(status: 404, code: .notFound, title: "Not found", detail: "no route for \(request.path)"),
                     request: request, context: context)
        }
    }
}
