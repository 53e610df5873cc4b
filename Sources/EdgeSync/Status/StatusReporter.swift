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

    /// Returns how many statuses were written and how many objects purged. The statuses go to
    /// the store in one write transaction (a batch of 400 FIPs made 400 commits before).
    @discardableResult
    func report(done: [ObjectPlan], failed: [(ObjectPlan, SyncProblem)], desired: DesiredState) async throws -> (written: Int, purged: Int) {
        var updates: [(kind: ResourceKind, id: UUID, status: SyncStatus)] = []
        var purged = 0
        for plan in done where !plan.orphan {
            if plan.deleting {
                if try store.sync.purge(plan.key.kind, id: plan.key.id) { purged += 1 }
                continue
            }
            guard let header = desired.header(plan.key) else { continue }
            let status = SyncStatus(phase: .ready, observedRevision: plan.revision, message: nil,
                                    conditions: [condition(.true, reason: "Synced", message: nil, previous: header.status)])
            if Self.changes(status, header.status) { updates.append((plan.key.kind, plan.key.id, status)) }
        }
        for (plan, problem) in failed where !plan.orphan {
            guard let header = desired.header(plan.key) else { continue }
            let status = SyncStatus(phase: .error, observedRevision: header.status.observedRevision, message: problem.message,
                                    conditions: [condition(.false, reason: problem.reason, message: problem.message, previous: header.status)])
            if Self.changes(status, header.status) { updates.append((plan.key.kind, plan.key.id, status)) }
        }
        let written = try await store.sync.setStatuses(updates).filter { $0 != nil }.count
        if written + purged > 0 { signals.raise(.status) }
        return (written, purged)
    }

    /// Whether writing `status` over `current` changes anything the API shows.
    private static func changes(_ status: SyncStatus, _ current: SyncStatus) -> Bool {
        let expectedPhase = current.phase == .deleting ? SyncPhase.deleting : status.phase
        let same = current.phase == expectedPhase && current.observedRevision == status.observedRevision
            && current.message == status.message && current.conditions.map(\.reason) == status.conditions.map(\.reason)
            && current.conditions.map(\.status) == status.conditions.map(\.status)
        return !same
    }

    /// Keeps the previous transition time while the condition's status stays the same.
    private func condition(_ value: StatusCondition.Status, reason: String, message: String?, previous: SyncStatus) -> StatusCondition {
        let old = previous.conditions.first { $0.type == Self.conditionType }
        let time = old?.status == value ? old!.lastTransitionTime : now()
        return StatusCondition(type: Self.conditionType, status: value, reason: reason, message: message, lastTransitionTime: time)
    }
}
