import EdgeCore
import EdgeStore
import Foundation
import OVSDB

extension Reconciler {
    /// One pass: load, then tier by tier plan against a fresh NB snapshot, write in bounded
    /// batches and report each batch's statuses; a full pass ends with the orphans.
    func pass(full: Bool, client: OVSDBClient) async throws {
        let loader = DesiredStateLoader(store: store)
        let desired = full ? try loader.loadAll() : try loader.loadUnsynced()
        let mirrorFilterBoth = client.capabilities?.mirrorFilterBoth ?? false
        let writer = BatchWriter(lockName: options.lockName) { [self] transaction in
            try await self.transactAsOurs(client, transaction)
        }
        let reporter = StatusReporter(store: store, signals: signals, now: { Date() })
        var failures = 0
        for keys in desired.orderedTargets {
            let planner = Planner(view: NBView(snapshot: client.cache.snapshot()), desired: desired, mirrorFilterBoth: mirrorFilterBoth)
            failures += try await execute(planner.plans(for: keys), writer: writer, reporter: reporter, desired: desired)
        }
        if full {
            let planner = Planner(view: NBView(snapshot: client.cache.snapshot()), desired: desired, mirrorFilterBoth: mirrorFilterBoth)
            let orphans = planner.orphanPlans()
            if !orphans.isEmpty {
                logger.info("removing NB rows of \(orphans.count) objects no longer in the store")
                failures += try await execute(orphans, writer: writer, reporter: reporter, desired: desired)
            }
        }
        let pending = (try? store.sync.unsyncedCount(kinds: DesiredState.syncedKinds)) ?? 0
        stateBox.update { state in
            let now = Date()
            state.lastSyncAt = now
            if full {
                state.lastFullSyncAt = now
                state.firstFullSyncCompleted = true
                state.errors = failures
            }
            state.pending = pending
        }
    }

    /// Writes the plans and reports every object's outcome; returns how many failed.
    private func execute(_ plans: [ObjectPlan], writer: BatchWriter, reporter: StatusReporter, desired: DesiredState) async throws -> Int {
        var done: [ObjectPlan] = []
        var failed: [(ObjectPlan, SyncProblem)] = []
        for plan in plans {
            switch plan.action {
            case .upToDate: done.append(plan)
            case .blocked(let problem): failed.append((plan, problem))
            case .write: break
            }
        }
        try reporter.report(done: done, failed: failed, desired: desired)
        var failures = failed.count
        for batch in BatchPacker.pack(plans, maxOperations: options.maxOperationsPerTransaction) {
            let outcome = try await writer.write(batch)
            for (plan, problem) in outcome.failed { logger.warning("\(plan.key): \(problem.message)") }
            try reporter.report(done: outcome.succeeded, failed: outcome.failed, desired: desired)
            failures += outcome.failed.count
        }
        return failures
    }

    /// A transaction whose monitor updates are not drift.
    func transactAsOurs(_ client: OVSDBClient, _ transaction: Transaction) async throws -> TransactionReply {
        writing.update { $0.open() }
        defer { writing.update { $0.close() } }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let reply = try await client.transact(transaction)
            stateBox.update { $0.transactions += 1 }
            transactionBox.update { $0.record(seconds: Self.seconds(clock.now - start), succeeded: true) }
            return reply
        } catch {
            transactionBox.update { $0.record(seconds: Self.seconds(clock.now - start), succeeded: false) }
            throw error
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
