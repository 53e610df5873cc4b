import EdgeStore
import HTTPServer

/// What every handler needs: the store, the wake-up signals, the reconciler's state and the
/// in-flight idempotency keys.
struct APIEnvironment: Sendable {
    let store: Store
    let signals: StoreSignals
    let sync: any SyncStateProvider
    let idempotency: IdempotencyGuard
    /// Encoded single-object GET answers (see `ResourceReadCache`).
    let readCache = ResourceReadCache()

    /// Who sends the request (set by `AuthMiddleware`; the local caller when none ran).
    func principal(_ context: RequestContext) -> Principal {
        context[PrincipalKey.self] ?? .local
    }

    /// Who a change is recorded for: the token's name ("anonymous" without authentication).
    func changeContext(_ context: RequestContext) -> ChangeContext {
        ChangeContext(actor: principal(context).name, requestID: context.requestID)
    }
}
