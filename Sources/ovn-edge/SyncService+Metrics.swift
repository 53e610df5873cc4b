import EdgeAPI
import EdgeSync

/// `/metrics` reads the reconciler and its OVSDB client through EdgeAPI's protocol.
extension SyncService: SyncMetricsProvider {
    func syncMetrics() async -> SyncMetrics {
        let transactions = reconciler.transactionStatistics
        let client = reconciler.clientStatistics
        var metrics = SyncMetrics()
        metrics.nbConnected = reconciler.state.nbConnected
        metrics.transactions = transactions.committed
        metrics.transactionErrors = transactions.failed
        metrics.transactionLatency = Histogram(bounds: TransactionStatistics.bounds, counts: transactions.bucketCounts, sum: transactions.totalSeconds)
        metrics.transactionRetries = client?.transactionRetries ?? 0
        metrics.reconnects = max(0, (client?.connections ?? 0) - 1)
        metrics.fullLoads = client?.fullLoads ?? 0
        metrics.monitorResumes = client?.monitorResumes ?? 0
        return metrics
    }
}
