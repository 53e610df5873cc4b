import EdgeCore
import EdgeStore
import Foundation

/// Writes each object's outcome back to the store: `ready` at the planned revision, `error`
/// with the problem's message, or — for a deleting object whose NB rows are gone — the purge.
/// Unchanged statuses are not rewritten (no change-log noise on resyncs). Raises `.status`
/// after a round of writes so `?wait=` and SSE wake up.
struct StatusReporter: Sendable {
    let store: Store
    let signals: StoreSignals
    let now: @Sendable () -> Date

    static let conditionType = "Programmed"

    /// Returns how many statuses were written and how many objects purged.
    @discardableResult
    func report(done: [ObjectPlan], failed: [(ObjectPlan, SyncProblem)], desired: DesiredState) throws -> (written: Int, purged: Int) {
        var written = 0, purged = 0
        for plan in done where !plan.orphan {
            if plan.deleting {
                if try store.sync.purge(plan.key.kind, id: plan.key.id) { purged += 1 }
                continue
            }
            guard let header = desired.header(plan.key) else { continue }
            let status = SyncStatus(phase: .ready, observedRevision: plan.revision, message: nil,
                                    conditions: [condition(.true, reason: "Synced", message: nil, previous: header.status)])
            if try write(plan.key, status, over: header.status) { written += 1 }
        }
        for (plan, problem) in failed where !plan.orphan {
            guard let header = desired.header(plan.key) else { continue }
            let status = SyncStatus(phase: .error, observedRevision: header.status.observedRevision, message: problem.message,
                                    conditions: [condition(.false, reason: problem.reason, message: problem.message, previous: header.status)])
            if try write(plan.key, status, over: header.status) { written += 1 }
        }
        if written + purged > 0 { signals.raise(.status) }
        return (written, purged)
    }

    private func write(_ key: ObjectKey, _ status: SyncStatus, over current: SyncStatus) throws -> Bool {
        let expectedPhase = current.phase == .deleting ? SyncPhase.deleting : status.phase
        let same = current.phase == expectedPhase && current.observedRevision == status.observedRevision
            && current.message == status.message && current.conditions.map(\.reason) == status.conditions.map(\.reason)
            && current.conditions.map(\.status) == status.conditions.map(\.status)
        if same { return false }
        return try store.sync.setStatus(key.kind, id: key.id, status: status) != nil
    }

    /// Keeps the previous transition time while the condition's status stays the same.
    private func condition(_ value: StatusCondition.Status, reason: String, message: String?, previous: SyncStatus) -> StatusCondition {
        let old = previous.conditions.first { $0.type == Self.conditionType }
        let time = old?.status == value ? old!.lastTransitionTime : now()
        return StatusCondition(type: Self.conditionType, status: value, reason: reason, message: message, lastTransitionTime: time)
    }
}
