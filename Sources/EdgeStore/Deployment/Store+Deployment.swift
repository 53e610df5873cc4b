import Foundation
import GRDB

extension Store {
    /// This database's deployment id: made once by migration 0004 and never changed. The
    /// reconciler stamps it on every NB row it writes and removes as orphans only rows carrying
    /// it, so deployments with different databases can share one NB. A copy of the database
    /// (backup, restore, a replica on shared storage) is the same deployment.
    ///
    /// Fails with `StoreError.migrationRequired` on a database not migrated that far.
    public func deploymentID() throws -> UUID {
        let text = try read { db -> String? in
            guard try db.tableExists("deployment") else { return nil }
            return try String.fetchOne(db, sql: "SELECT id FROM deployment WHERE singleton = 1")
        }
        guard let text, let id = UUID(uuidString: text) else {
            throw StoreError.migrationRequired(pending: try migrationStatus().pending)
        }
        return id
    }
}
