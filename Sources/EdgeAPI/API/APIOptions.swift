/// How `RESTAPI` protects and observes itself. The defaults (no authentication, no rate limit,
/// no sync metrics) suit in-process tests; `ovn-edge serve` turns authentication on.
public struct APIOptions: Sendable {
    /// Require a bearer token on every route but `/healthz`, `/readyz`, `/metrics`, `/openapi.yaml`.
    public var authentication: Bool
    /// Token bucket per token (per client address without authentication); nil: unlimited.
    public var rateLimit: RateLimit?
    /// Reconciler and OVSDB figures for `/metrics`.
    public var syncMetrics: (any SyncMetricsProvider)?
    /// One info log line per request (off in tests, where it is noise).
    public var accessLog: Bool

    public init(authentication: Bool = false, rateLimit: RateLimit? = nil, syncMetrics: (any SyncMetricsProvider)? = nil,
                accessLog: Bool = false) {
        self.authentication = authentication
        self.accessLog = accessLog
        self.rateLimit = rateLimit
        self.syncMetrics = syncMetrics
    }
}
