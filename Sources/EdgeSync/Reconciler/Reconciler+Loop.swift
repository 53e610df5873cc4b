import EdgeCore
import EdgeStore
import Foundation
import OVSDB

extension Reconciler {
    /// Standby until connected with the lock held; then a pass whenever something asks for one.
    func loop(_ client: OVSDBClient, ownership: OwnershipScope) async {
        var tracker = ViewTracker(ownership: ownership)
        var needFull = true
        var lastFull = Date.distantPast
        while !Task.isCancelled {
            guard await holdsLock(client) else {
                needFull = true // whoever wrote meanwhile: look at everything once we write again
                feed.update { $0.track(false) } // a standby keeps no changes; the view is rebuilt
                _ = wake.take()
                await wake.wait(timeout: 1)
                continue
            }
            feed.update { $0.track(true) }
            var reasons = wake.take()
            if reasons.contains(.drift) && options.driftDebounce > 0 {
                try? await Task.sleep(nanoseconds: UInt64(options.driftDebounce * 1e9))
                reasons.formUnion(wake.take())
            }
            // Connection or lock lost (and maybe regained since): NB may have changed unwatched.
            if reasons.contains(.lost) { needFull = true }
            tracker.catchUp(feed: feed, cache: client.cache)
            let scope = passScope(tracker: &tracker, reasons: reasons,
                                  full: needFull || Date().timeIntervalSince(lastFull) >= options.fullResyncInterval)
            if let scope {
                do {
                    try await pass(scope, client: client, tracker: &tracker)
                    if options.auditKeptView { audit(&tracker, client: client) }
                    if scope == .full {
                        needFull = false
                        lastFull = Date()
                    }
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("sync pass failed: \(error)")
                    stateBox.update { state in
                        state.lastError = "\(error)"
                        state.lastErrorAt = Date()
                    }
                    needFull = true
                    try? await Task.sleep(nanoseconds: UInt64(options.retryDelay * 1e9))
                    continue
                }
            }
            let untilResync = options.fullResyncInterval - Date().timeIntervalSince(lastFull)
            await wake.wait(timeout: max(0.05, untilResync))
        }
    }

    /// What this round needs: a full pass, a drift pass over the objects the drift concerns, a
    /// pass over pending objects, or nothing. Takes the tracker's drift either way (a full pass
    /// covers it).
    private func passScope(tracker: inout ViewTracker, reasons: WakeSignal.Reasons, full: Bool) -> PassScope? {
        let drift = tracker.takeDrift()
        if full || drift.unknown { return .full }
        if !drift.changes.isEmpty {
            switch DriftImpact.of(drift.changes, in: tracker.view) {
            case .full(let reason):
                logger.info("drift: full pass (\(reason))")
                return .full
            case .owners(let tags):
                return .drift(tags)
            }
        }
        return reasons.contains(.desiredState) ? .pending : nil
    }

    /// Tests: the kept view against one built from the cache, when both are at the same generation.
    private func audit(_ tracker: inout ViewTracker, client: OVSDBClient) {
        tracker.catchUp(feed: feed, cache: client.cache)
        let snapshot = client.cache.snapshot()
        guard snapshot.generation == tracker.generation else { return }
        let equal = NBView(snapshot: snapshot, ownership: tracker.view.ownership) == tracker.view
        if !equal { logger.error("kept NB view differs from the cache at generation \(snapshot.generation)") }
        viewAudit.update { $0.checks += 1; if !equal { $0.mismatches += 1 } }
    }

    /// Asks for the lock once connected, and reports the role.
    private func holdsLock(_ client: OVSDBClient) async -> Bool {
        let connected = client.isReady
        if connected && client.lockState(lockName) == .notRequested {
            do {
                try await client.lock(lockName)
            } catch {
                logger.info("lock request failed: \(error)")
            }
        }
        let holds = client.isReady && client.lockState(lockName) == .held
        stateBox.update { state in
            state.nbConnected = client.isReady
            state.holdsWriterLock = holds
            state.role = !state.nbConnected ? .starting : holds ? .active : .standby
        }
        return holds
    }
}
