import OVSDB

extension Reconciler {
    /// NB transactions sent by this reconciler: counts and durations.
    public var transactionStatistics: TransactionStatistics { transactionBox.get() }

    /// The NB client's counters (connections, resumes, retries …); nil before `run` started it.
    public var clientStatistics: ClientStatistics? { clientBox.get()?.statistics }
}
