import EdgeCore
import Foundation
import GRDB

extension Repository {
    /// Of these objects, those the reconciler has not settled yet: `pending`, `deleting`, or
    /// `ready` for an older revision than the current one (an `error` is settled: it is the
    /// answer). Ids not stored are settled. One read transaction, one query per 500 ids and only
    /// the status columns: a bulk's `?wait` asks this on every status change.
    public func unsettled(ids: some Collection<UUID>) throws -> Set<UUID> {
        let ids = Array(ids)
        guard !ids.isEmpty else { return [] }
        let table = TableNames.table(of: Spec.kind)
        return try store.read { db in
            var unsettled: Set<UUID> = []
            for start in stride(from: 0, to: ids.count, by: 500) {
                let part = ids[start..<min(start + 500, ids.count)]
                let rows = try String.fetchCursor(db, sql: """
                    SELECT id FROM \(table)
                    WHERE id IN (\(repeatElement("?", count: part.count).joined(separator: ", ")))
                      AND (phase IN ('pending', 'deleting') OR (phase = 'ready' AND observed_revision < revision))
                    """, arguments: StatementArguments(part.map(\.text)))
                while let id = try rows.next() { unsettled.insert(try uuid(id)) }
            }
            return unsettled
        }
    }
}
