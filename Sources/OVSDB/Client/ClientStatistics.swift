/// Counters for metrics and readiness checks.
public struct ClientStatistics: Sendable, Hashable {
    /// Connections brought to ready.
    public var connections = 0
    /// Reconnects where `monitor_cond_since` resumed from the last transaction id (only the
    /// missed changes were sent).
    public var monitorResumes = 0
    /// Full cache loads (the first one and every reload the server could not resume).
    public var fullLoads = 0
    /// Transactions committed (including those found already applied).
    public var transactions = 0
    /// Transactions re-sent after a lost connection or a leader change.
    public var transactionRetries = 0
    /// Retries whose guard showed the first attempt had committed.
    public var alreadyApplied = 0

    public init() {}
}
