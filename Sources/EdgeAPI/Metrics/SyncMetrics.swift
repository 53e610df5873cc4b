/// What the reconciler and its OVSDB client report for `/metrics`.
public struct SyncMetrics: Sendable, Hashable {
    public var nbConnected = false
    /// NB transactions committed.
    public var transactions = 0
    /// NB transactions that failed (refused by NB, or lost with the connection).
    public var transactionErrors = 0
    /// Transactions re-sent after a lost connection or a leader change.
    public var transactionRetries = 0
    /// Seconds per NB transaction.
    public var transactionLatency = Histogram()
    /// Connections brought to ready after the first one.
    public var reconnects = 0
    /// Full NB cache loads, and reconnects that resumed the monitor instead.
    public var fullLoads = 0
    public var monitorResumes = 0

    public init() {}
}
