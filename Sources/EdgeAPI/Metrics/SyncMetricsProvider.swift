/// Where `/metrics` reads the reconciler's and OVSDB client's figures. EdgeAPI does not know
/// EdgeSync or OVSDB: the executable adapts the reconciler to this protocol.
public protocol SyncMetricsProvider: Sendable {
    func syncMetrics() async -> SyncMetrics
}
