import EdgeCore
import Foundation
import GRDB

/// What the reconciler (EdgeSync) reads and writes back: objects needing work, status
/// write-back without a revision bump, and the final purge of deleted objects.
public struct SyncQueue: Sendable {
    let store: Store

    /// Objects not `ready`, oldest change first, from the partial `*_unsynced` indexes.
    public func pending(
        kinds: [ResourceKind] = ResourceKind.allCases, afterChangeSeq: Int64 = 0, limit: Int = 500
    ) throws -> [SyncItem] {
        try store.read { db in
            var items: [SyncItem] = []
            for kind in kinds {
                // Cached: the reconciler runs this for every kind on every pass. Columns by index
                // on the cursor's row (a copied row finds a name by lower-casing every column's):
                // a bulk's pass lists 10,000 of them.
                let rows = try Row.fetchCursor(
                    db.cachedStatement(sql: """
                    SELECT id, revision, observed_revision, phase, change_seq FROM \(TableNames.table(of: kind))
                    WHERE phase <> 'ready' AND change_seq > ? ORDER BY change_seq LIMIT ?
                    """),
                    arguments: [afterChangeSeq, limit]
                )
                while let row = try rows.next() {
                    items.append(SyncItem(
                        kind: kind, id: try uuid(row[0]), revision: row[1], observedRevision: row[2],
                        phase: try parse(row[3], as: SyncPhase.self, column: "phase"), changeSeq: row[4]
                    ))
                }
            }
            return Array(items.sorted { $0.changeSeq < $1.changeSeq }.prefix(limit))
        }
    }

    /// Writes the reconciler's outcome. The revision does not change. A `ready` for an older
    /// revision than the current one is stored as `pending` (a newer change is still waiting),
    /// and a `deleting` object stays `deleting`. Phase changes are logged. Returns the stored
    /// phase, or nil when the object no longer exists.
    @discardableResult
    public func setStatus(_ kind: ResourceKind, id: UUID, status: SyncStatus, context: ChangeContext = .reconciler) throws -> SyncPhase? {
        try store.write(context) { scope in
            var writeBack = StatusWriteBack(scope)
            return try writeBack.write(kind, id: id, status: status)
        }
    }

    /// `setStatus` for many objects in one write transaction (the reconciler reports a whole
    /// NB batch at once: one commit instead of hundreds). Returns the stored phases in order.
    @discardableResult
    public func setStatuses(_ updates: [(kind: ResourceKind, id: UUID, status: SyncStatus)], context: ChangeContext = .reconciler) throws -> [SyncPhase?] {
        guard !updates.isEmpty else { return [] }
        return try store.write(context) { scope in
            try StatusWriteBack.writeAll(updates, in: scope)
        }
    }

    /// `setStatuses` for a caller that must not hold a thread while the writer commits (the
    /// reconciler reports one NB batch while the next ones are in flight).
    @discardableResult
    public func setStatuses(_ updates: [(kind: ResourceKind, id: UUID, status: SyncStatus)], context: ChangeContext = .reconciler) async throws -> [SyncPhase?] {
        guard !updates.isEmpty else { return [] }
        return try await store.write(context) { scope in
            try StatusWriteBack.writeAll(updates, in: scope)
        }
    }

    /// Removes a `deleting` object once its OVN rows are gone (router and node gateways also
    /// release an EIP allocated for them). Returns false when it was already gone.
    @discardableResult
    public func purge(_ kind: ResourceKind, id: UUID, context: ChangeContext = .reconciler) throws -> Bool {
        try store.write(context) { scope in
            switch kind {
            case .externalNetwork: try ExternalNetworkBehavior().purge(id, in: scope)
            case .eip: try EIPBehavior().purge(id, in: scope)
            case .routerGateway: try RouterGatewayBehavior().purge(id, in: scope)
            case .nodeGateway: try NodeGatewayBehavior().purge(id, in: scope)
            case .floatingIP: try FloatingIPBehavior().purge(id, in: scope)
            case .snatRule: try SNATRuleBehavior().purge(id, in: scope)
            case .dnatRule: try DNATRuleBehavior().purge(id, in: scope)
            case .mirror: try MirrorBehavior().purge(id, in: scope)
            }
        }
    }

    /// The newest change-log id: everything with a larger `changeSeq` is new.
    public func latestChangeSeq() throws -> Int64 { try store.changeLog.latestID() }
}
