import EdgeStore
import HTTPServer

/// What every handler needs: the store, the wake-up signals, the reconciler's state and the
/// in-flight idempotency keys.
struct APIEnvironment: Sendable {
    let store: Store
    let signals: StoreSignals
    let sync: any SyncStateProvider
    let idempotency: IdempotencyGuard

    /// Who a change is recorded for. Every caller is "anonymous" until authentication exists.
    func changeContext(_ context: RequestContext) -> ChangeContext {
        ChangeContext(actor: "anonymous", requestID: context.requestID)
    }
}
