import Foundation

extension OVSDBClient {
    /// Sends ops as one transaction (see `Transaction` for retries and the lock assert).
    public func transact(_ operations: [OVSDBOperation]) async throws -> TransactionReply {
        try await transact(Transaction(operations))
    }

    /// Runs the transaction and checks every result. Throws `OVSDBError.transactionFailed`
    /// (op error, skipped op, or the N+1 commit error) with the failed op's index in
    /// `transaction.operations`; `connectionLost` only when a retry is not safe; `notConnected`
    /// when no connection came up in time. When it returns, the cache already holds the
    /// transaction's effect (the server sends the monitor update before the reply).
    public func transact(_ transaction: Transaction) async throws -> TransactionReply {
        let timeout = transaction.timeout ?? configuration.requestTimeout
        var deadline = Date().addingTimeInterval(timeout)
        let database = transaction.database ?? configuration.database
        for case .insert(_, _, _, let name?) in transaction.operations { try OVSDBError.validateID(name) }
        if let lock = transaction.assertLock { try OVSDBError.validateID(lock) }
        var guardOp: OVSDBOperation? = nil
        var isRetry = false
        while true {
            let session = try await readySession(deadline: &deadline)
            let (ops, prefix) = transaction.wireOperations(guard: guardOp)
            var params: [JSON] = [.string(database)]
            params.reserveCapacity(ops.count + 1)
            for op in ops { params.append(op.json) }
            let result: JSON
            do {
                result = try await session.call("transact", params, timeout: max(0.001, deadline.timeIntervalSinceNow))
            } catch let error as OVSDBError {
                // The request may or may not have committed: retry only when that is safe.
                guard error.isRetryableTransportError, let retryGuard = transaction.retryGuard(schema: schema),
                      Date() < deadline else { throw error }
                logger.info("transaction interrupted (\(error)); retrying after reconnect")
                guardOp = retryGuard
                isRetry = true
                state.withLock { $0.statistics.transactionRetries += 1 }
                continue
            }
            let decoded: Result<TransactionReply, OVSDBError> = Result { () throws(OVSDBError) in
                try TransactionReply.decode(result, operations: ops, schema: schema)
            }
            switch decoded {
            case .success(let reply):
                state.withLock { $0.statistics.transactions += 1 }
                return TransactionReply(results: Array(reply.results[prefix..<(prefix + transaction.operations.count)]))
            case .failure(.transactionFailed(var failure)):
                if isRetry, guardOp != nil, failure.operationIndex == 0, failure.kind == .timedOut {
                    logger.info("transaction retry found it already applied")
                    state.withLock { $0.statistics.transactions += 1; $0.statistics.alreadyApplied += 1 }
                    return TransactionReply(results: [], wasAlreadyApplied: true)
                }
                if failure.kind == .notLeader, let retryGuard = transaction.retryGuard(schema: schema), Date() < deadline {
                    guardOp = retryGuard
                    isRetry = true
                    state.withLock { $0.statistics.transactionRetries += 1 }
                    session.close(reason: Self.leadershipMoved)
                    continue
                }
                if let index = failure.operationIndex {
                    failure.operationIndex = index >= prefix ? index - prefix : nil
                }
                failure.results = Array(failure.results.dropFirst(prefix))
                throw OVSDBError.transactionFailed(failure)
            case .failure(let error):
                throw error
            }
        }
    }
}

extension OVSDBError {
    /// The request may or may not have run, and another connection may succeed.
    var isRetryableTransportError: Bool {
        switch self {
        case .connectionLost: return true
        case .server(_, let error): return error.kind == .notLeader || error.kind == .canceled
        default: return false
        }
    }
}
