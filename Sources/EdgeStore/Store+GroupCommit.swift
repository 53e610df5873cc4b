import Dispatch
import GRDB

/// Group commit: every write goes through one queue; the writer takes all that wait and runs
/// them in a single IMMEDIATE transaction, each under its own savepoint. A write that fails
/// rolls back to its savepoint and only it fails; the others commit together, with one WAL
/// append (and, with `synchronous=FULL`, one fsync) for the whole group. Nobody is answered
/// before the commit that holds their write, and a failed commit fails every write in it.
extension Store {
    /// Runs `body` in the next group and blocks the calling thread until it committed.
    func write<T>(_ context: ChangeContext, _ body: (WriteScope) throws -> T) throws -> T {
        // The body runs on the writer thread while this thread waits for it, so it never
        // outlives this call even though it is handed over as escaping.
        try withoutActuallyEscaping(body) { body in
            let result = WriteResult<T>()
            let done = DispatchSemaphore(value: 0)
            submit(QueuedWrite(
                context: context, body: { scope in result.value = try body(scope) },
                finish: { outcome in
                    result.outcome = outcome
                    done.signal()
                }
            ))
            done.wait()
            try result.outcome!.get()
            return result.value!
        }
    }

    /// Runs `body` in the next group; suspends (no thread is held) until it committed. Request
    /// handlers use this, so many concurrent requests can wait for — and share — one commit.
    func write<T: Sendable>(_ context: ChangeContext, _ body: @escaping @Sendable (WriteScope) throws -> T) async throws -> T {
        let result = WriteResult<T>()
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            submit(QueuedWrite(context: context, body: { scope in result.value = try body(scope) }, finish: { continuation.resume(with: $0) }))
        }
        return result.value!
    }

    private func submit(_ write: QueuedWrite) {
        // A write from inside a write would wait for itself.
        dispatchPrecondition(condition: .notOnQueue(writerQueue))
        if writeQueue.add(write) {
            writerQueue.async { [self] in
                while let group = writeQueue.nextGroup() { commit(group) }
            }
        }
    }

    /// One transaction for `group`; then every member is told its outcome.
    private func commit(_ group: [QueuedWrite]) {
        var outcomes = [(any Error)?](repeating: nil, count: group.count)
        do {
            let scopes = try pool.writeWithoutTransaction { db in try runTransaction(group, &outcomes, db) }
            // Committed: what the members that succeeded stored, in their order, before any
            // of them is answered (and so before the reconciler is told about them).
            for (scope, outcome) in zip(scopes, outcomes) where outcome == nil { freshObjects.apply(scope.freshChanges) }
        } catch {
            // The transaction as a whole failed: members that had succeeded did not commit.
            let mapped = DatabaseErrorMapping.map(error)
            outcomes = outcomes.map { $0 ?? mapped }
        }
        // Before anyone is answered: a read that starts after its write returned must miss
        // every cache of the old state.
        writes.add(1, ordering: .releasing)
        for (write, outcome) in zip(group, outcomes) {
            write.finish(outcome.map { .failure($0) } ?? .success(()))
        }
    }

    /// IPAM pools touched by a member that failed, and pools whose network changed, are dropped
    /// at once, so the next member (or writer) rebuilds them from the rows as they are now.
    private func runTransaction(_ group: [QueuedWrite], _ outcomes: inout [(any Error)?], _ db: Database) throws -> [WriteScope] {
        var scopes: [WriteScope] = []
        var latest: Int64?
        // A write alone in its group needs no savepoint: if it fails, the whole transaction
        // rolls back. A savepoint keeps the original of every page its member changes so that
        // the member can be rolled back alone: for a bulk of 10,000 FIPs, thousands of pages
        // copied into the statement journal for nothing.
        let alone = group.count == 1
        do {
            try db.inTransaction(.immediate) {
                ipam.synchronize(latestChange: try Self.latestChange(db))
                for (index, write) in group.enumerated() {
                    let scope = WriteScope(db: db, now: StoreTime.truncate(clock()), context: write.context, ipam: ipam, eipAddresses: eipAddresses, eipAddressing: eipAddressing)
                    scopes.append(scope)
                    do {
                        if alone { try write.run(scope) } else { try runInSavepoint(write, scope, db) }
                        ipam.drop(scope.reshapedNetworks)
                    } catch {
                        ipam.drop(scope.touchedNetworks.union(scope.reshapedNetworks))
                        // Some SQLite errors (I/O, full disk) end the whole transaction.
                        guard db.isInsideTransaction else { throw error }
                        outcomes[index] = DatabaseErrorMapping.map(error)
                    }
                }
                if alone && outcomes[0] != nil { return .rollback }
                // Read while the write lock is still ours: read after the commit, it could
                // already include another process's allocations, which this process's pools
                // would then never learn about (two stores on one file gave out one address
                // twice and the second insert failed with `already exists`).
                latest = try Self.latestChange(db)
                beforeCommit?()
                return .commit
            }
            if let latest { ipam.committed(latestChange: latest) }
            return scopes
        } catch {
            for scope in scopes { ipam.drop(scope.touchedNetworks.union(scope.reshapedNetworks)) }
            throw error
        }
    }

    /// One member under its savepoint; on failure everything it wrote is rolled back. The three
    /// statements are cached (GRDB's `inSavepoint` compiled two per member, ~1/4 of the
    /// writer's time besides the writes themselves).
    private func runInSavepoint(_ write: QueuedWrite, _ scope: WriteScope, _ db: Database) throws {
        try db.cachedStatement(sql: "SAVEPOINT member").execute()
        do {
            try write.run(scope)
        } catch {
            if db.isInsideTransaction {
                try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT member").execute()
                try db.cachedStatement(sql: "RELEASE SAVEPOINT member").execute()
            }
            throw error
        }
        try db.cachedStatement(sql: "RELEASE SAVEPOINT member").execute()
    }
}
