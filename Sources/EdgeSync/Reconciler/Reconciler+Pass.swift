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
            let batches = plannedBatches(keys, view: tracker.view, desired: desired, mirrorFilterBoth: mirrorFilterBoth)
            failures += try await execute(batches, writer: writer, reporter: reporter, desired: desired)
        }
        if scope == .full || !missing.isEmpty {
            tracker.catchUp(feed: feed, cache: client.cache)
            let orphans = Self.orphanPlans(scope == .full ? nil : missing, view: tracker.view, desired: desired, mirrorFilterBoth: mirrorFilterBoth)
            if !orphans.isEmpty {
                logger.info("removing NB rows of \(orphans.count) objects no longer in the store")
                let batches = PlannedBatches(plans: orphans, maxOperations: options.maxOperationsPerTransaction)
                failures += try await execute(batches, writer: writer, reporter: reporter, desired: desired)
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

    /// A tier planned as the writes go (`PlannedBatches`). The planner holds a copy of the
    /// view until `execute` is done with it, before the tracker updates the view again (a
    /// second reference then would make that update copy the whole view).
    private func plannedBatches(_ keys: [ObjectKey], view: NBView, desired: DesiredState, mirrorFilterBoth: Bool) -> PlannedBatches {
        let planner = Planner(view: view, desired: desired, mirrorFilterBoth: mirrorFilterBoth)
        // About one transaction's worth of objects (most write two ops) per chunk.
        let chunk = max(1, options.maxOperationsPerTransaction / 2)
        return PlannedBatches(keys, chunk: chunk, maxOperations: options.maxOperationsPerTransaction) { planner.plans(for: $0) }
    }

    /// Orphans: all of them (`tags` nil, a full pass) or those of these tags.
    private static func orphanPlans(_ tags: [String]?, view: NBView, desired: DesiredState, mirrorFilterBoth: Bool) -> [ObjectPlan] {
        let planner = Planner(view: view, desired: desired, mirrorFilterBoth: mirrorFilterBoth)
        return tags.map { planner.orphanPlans(tags: $0) } ?? planner.orphanPlans()
    }

    /// Writes the batches and reports every object's outcome; returns how many failed.
    private func execute(_ batches: PlannedBatches, writer: BatchWriter, reporter: StatusReporter, desired: DesiredState) async throws -> Int {
        // Statuses go to the store beside the writes, not between them: reporting a batch
        // (a store write) took longer than NB took to apply one, so waiting for it before the
        // next send set the pace of a large pass (benchmarks/RESULTS.md).
        let inbox = OutcomeInbox()
        async let reported: Void = report(inbox, reporter: reporter, desired: desired)
        do {
            let failures = try await write(batches, writer: writer, to: inbox)
            inbox.finish()
            try await reported
            // Cancelled meanwhile: the reporter's writes may have been cut short, so the pass
            // must not go on (or count as done) as if every status was written.
            try Task.checkCancellation()
            return failures
        } catch {
            inbox.finish()
            try? await reported // what was written before the error is still reported
            throw error
        }
    }

    /// Sends the batches, up to `transactionsInFlight` at once (they are independent within a
    /// tier: NB applies one while we plan and encode the next and read the last one's update);
    /// hands every outcome, and the plans that need no write, to `inbox`; returns how many
    /// objects failed or were blocked.
    private func write(_ batches: PlannedBatches, writer: BatchWriter, to inbox: OutcomeInbox) async throws -> Int {
        var batches = batches
        return try await withThrowingTaskGroup(of: BatchWriter.Outcome.self) { group in
            var failures = 0
            /// Plans (and packs) up to the next batch and sends it; false when none is left.
            func send() -> Bool {
                let batch = batches.next()
                let settled = batches.takeSettled()
                if !settled.done.isEmpty || !settled.failed.isEmpty {
                    failures += settled.failed.count
                    inbox.put(BatchWriter.Outcome(succeeded: settled.done, failed: settled.failed))
                }
                guard let batch else { return false }
                group.addTask { try await writer.write(batch) }
                return true
            }
            var more = true
            for _ in 0..<max(1, options.transactionsInFlight) where more { more = send() }
            for try await outcome in group {
                if more { more = send() }
                for (plan, problem) in outcome.failed { logger.warning("\(plan.key): \(problem.message)") }
                failures += outcome.failed.count
                inbox.put(outcome)
            }
            return failures
        }
    }

    /// Writes the statuses of the outcomes as they come: all that waited meanwhile in one store
    /// write (`reports`).
    private func report(_ inbox: OutcomeInbox, reporter: StatusReporter, desired: DesiredState) async throws {
        while let outcomes = await inbox.takeAll() {
            for report in Self.reports(outcomes) {
                try await reporter.report(done: report.flatMap(\.succeeded), failed: report.flatMap(\.failed), desired: desired)
            }
        }
    }

    /// Outcomes grouped into reports of at most `maxStatusesPerReport` objects (an outcome is
    /// never split): one store transaction each, so that API writes waiting for the writer
    /// are not held up behind a very large one.
    static func reports(_ outcomes: [BatchWriter.Outcome]) -> [[BatchWriter.Outcome]] {
        var groups: [[BatchWriter.Outcome]] = []
        var count = 0
        for outcome in outcomes {
            let size = outcome.succeeded.count + outcome.failed.count
            if groups.isEmpty || (count > 0 && count + size > maxStatusesPerReport) {
                groups.append([])
                count = 0
            }
            groups[groups.count - 1].append(outcome)
            count += size
        }
        return groups
    }

    static var maxStatusesPerReport: Int { 2_000 }

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
