import EdgeCore
import GRDB

extension SyncQueue {
    /// How many objects of each kind are in each phase (for `/metrics`); phases without objects
    /// are left out.
    public func phaseCounts() throws -> [ResourceKind: [SyncPhase: Int]] {
        try store.read { db in
            var counts: [ResourceKind: [SyncPhase: Int]] = [:]
            for kind in ResourceKind.allCases {
                let rows = try Row.fetchAll(db, sql: "SELECT phase, COUNT(*) AS n FROM \(TableNames.table(of: kind)) GROUP BY phase")
                for row in rows {
                    let phase = try parse(row["phase"], as: SyncPhase.self, column: "phase")
                    counts[kind, default: [:]][phase] = row["n"]
                }
            }
            return counts
        }
    }
}
