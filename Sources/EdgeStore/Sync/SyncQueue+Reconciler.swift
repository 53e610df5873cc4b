import EdgeCore
import Foundation
import GRDB

/// Queries the reconciler needs beyond `pending`: how much work is left (for `/v1/sync`).
extension SyncQueue {
    /// Objects of the given kinds that are not `ready` (pending, error or deleting).
    public func unsyncedCount(kinds: [ResourceKind] = ResourceKind.allCases) throws -> Int {
        try store.read { db in
            var total = 0
            for kind in kinds {
                // Cached: the reconciler counts after every pass.
                total += try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM \(TableNames.table(of: kind)) WHERE phase <> 'ready'")) ?? 0
            }
            return total
        }
    }
}
