import EdgeCore
import EdgeStore
import Foundation
import OVSDB

extension Reconciler {
    /// One pass: load, then tier by tier plan against the kept NB view (caught up with the
    /// monitor first), write in bounded batches and report each batch's statuses; a full pass
    /// ends with the orphans, a drift pass with the orphans among the tags it was given.
    func pass(_ scope: PassScope, client: OVSDBClient, tracker: inout ViewTracker) async throws {
        let (desired, missing) = try load(scope)
        let mirrorFilterBoth = client.capabilities?.mirrorFilterBoth ?? false
        let writer = BatchWriter(lockName: lockName) { [self] transaction in
            try await self.transactAsOurs(client, transaction)
        }
        let reporter = StatusReporter(store: store, signals: signals, now: { Date() })
        var failures = 0
        for keys in desired.orderedTargets {
            tracker.catchUp(feed: feed, cache: client.cache)
            let plans = Self.plans(for: keys, view: tracker.view, desired: desired, mirrorFilterBoth: mirrorFilterBoth)
            failures += try await execute(plans, writer: writer, reporter: reporter, desired: desired)
        }
        if scope == .full || !missing.isEmpty {
            tracker.catchUp(feed: feed, cache: client.cache)
            let orphans = Self.orphanPlans(scope == .full ? nil : missing, view: tracker.view, desired: desired, mirrorFilterBoth: mirrorFilterBoth)
            if !orphans.isEmpty {
                logger.info("removing NB rows of \(orphans.count) objects no longer in the store")
                failures += try await execute(orphans, writer: writer, reporter: reporter, desired: desired)
            }
        }
        let pending = (try? store.sync.unsyncedCount(kinds: DesiredState.syncedKinds)) ?? 0
        stateBox.update { state in
            let now = Date()
            state.lastSyncAt = now
            if scope == .full {
                state.lastFullSyncAt = now
                state.firstFullSyncCompleted = true
                state.errors = failures
            }
            state.pending = pending
        }
    }

    /// The objects the pass plans; for a drift pass also the tags whose objects are not stored.
    private func load(_ scope: PassScope) throws -> (DesiredState, missing: [String]) {
        let loader = DesiredStateLoader(store: store)
        switch scope {
        case .full: return (try loader.loadAll(), [])
        case .pending: return (try loader.loadUnsynced(), [])
        case .drift(let tags):
            var desired = try loader.loadUnsynced()
            let keys = tags.compactMap(Ownership.parse).filter { DesiredState.syncedKinds.contains($0.kind) }
            try loader.load(keys, into: &desired)
            // Tags of other kinds (EIPs own no rows) are left to the full pass, as it leaves them.
            let missing = tags.sorted().filter { tag in
                guard let key = Ownership.parse(tag) else { return true }
                return DesiredState.syncedKinds.contains(key.kind) && !desired.contains(key)
            }
            return (desired, missing)
        }
    }

    /// Plans made in a function of their own, so that the planner's copy of the view is gone
    /// before the tracker updates the view again (a second reference would make that update
    /// copy the whole view).
    private static func plans(for keys: [ObjectKey], view: NBView, desired: DesiredState, mirrorFilterBoth: Bool) -> [ObjectPlan] {
        Planner(view: view, desired: desired, mirrorFilterBoth: mirrorFilterBoth).plans(for: keys)
    }

    /// Orphans: all of them (`tags` nil, a full pass) or those of these tags.
    private static func orphanPlans(_ tags: [String]?, view: NBView, desired: DesiredState, mirrorFilterBoth: Bool) -> [ObjectPlan] {
        let planner = Planner(view: view, desired: desired, mirrorFilterBoth: mirrorFilterBoth)
        return tags.map { planner.orphanPlans(tags: $0) } ?? planner.orphanPlans()
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
        try await reporter.report(done: done, failed: failed, desired: desired)
        let batches = BatchPacker.pack(plans, maxOperations: options.maxOperationsPerTransaction)
        guard !batches.isEmpty else { return failed.count }
        // Statuses go to the store beside the writes, not between them: reporting a batch
        // (a store write) took longer than NB took to apply one, so waiting for it before the
        // next send set the pace of a large pass (benchmarks/RESULTS.md).
        let (outcomes, sink) = AsyncStream.makeStream(of: BatchWriter.Outcome.self)
        async let reported: Void = report(outcomes, reporter: reporter, desired: desired)
        do {
            let failures = try await write(batches, writer: writer, to: sink)
            sink.finish()
            try await reported
            // A cancelled reporter stops reading its stream: statuses may be missing, so the
            // pass must not go on (or count as done) as if they were written.
            try Task.checkCancellation()
            return failed.count + failures
        } catch {
            sink.finish()
            try? await reported // what was written before the error is still reported
            throw error
        }
    }

    /// Sends the batches, up to `transactionsInFlight` at once (they are independent within a
    /// tier: NB applies one while we encode the next and read the last one's update); hands
    /// every outcome to `sink` and returns how many objects failed.
    private func write(_ batches: [[ObjectPlan]], writer: BatchWriter, to sink: AsyncStream<BatchWriter.Outcome>.Continuation) async throws -> Int {
        try await withThrowingTaskGroup(of: BatchWriter.Outcome.self) { group in
            var next = 0
            var failures = 0
            func send() {
                let batch = batches[next]
                next += 1
                group.addTask { try await writer.write(batch) }
            }
            while next < min(batches.count, max(1, options.transactionsInFlight)) { send() }
            for try await outcome in group {
                if next < batches.count { send() }
                for (plan, problem) in outcome.failed { logger.warning("\(plan.key): \(problem.message)") }
                failures += outcome.failed.count
                sink.yield(outcome)
            }
            return failures
        }
    }

    /// Writes the statuses of the outcomes as they come, one store write per outcome.
    private func report(_ outcomes: AsyncStream<BatchWriter.Outcome>, reporter: StatusReporter, desired: DesiredState) async throws {
        for await outcome in outcomes {
            try await reporter.report(done: outcome.succeeded, failed: outcome.failed, desired: desired)
        }
    }

    /// A transaction whose monitor updates are not drift.
    func transactAsOurs(_ client: OVSDBClient, _ transaction: Transaction) async throws -> TransactionReply {
        let touched = WriteWindow.rows(changedBy: transaction.operations)
        writing.update { $0.open(touching: touched) }
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
