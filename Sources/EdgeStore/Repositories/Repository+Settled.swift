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
        return try store.read { db in
            var unsettled: Set<UUID> = []
            try eachRow("id", ids: ids, where: "phase IN ('pending', 'deleting') OR (phase = 'ready' AND observed_revision < revision)", in: db) { row in
                unsettled.insert(try uuid(row[0]))
            }
            return unsettled
        }
    }
}

extension Repository {
    /// These objects as they are stored now, for a reply after `?wait`. Objects nobody else
    /// changed meanwhile (same revision and `updated_at`) get only their status from the row,
    /// with each distinct conditions text decoded once; changed ones are read in full; gone
    /// ones keep the form given. A bulk's 10,000 objects reread in full took ~200 ms; their
    /// statuses are 25 distinct texts.
    public func refreshed(_ objects: [Resource<Spec>]) throws -> [Resource<Spec>] {
        guard !objects.isEmpty else { return objects }
        return try store.read { db in
            var current = objects
            var position: [UUID: Int] = [:]
            position.reserveCapacity(objects.count)
            for (index, object) in objects.enumerated() { position[object.id] = index }
            var decoded: [String: [StatusCondition]] = ["[]": []]
            var changed: [Int] = []
            var stamp: (date: Date, text: String)? // a bulk's objects share one `updated_at`
            try eachRow("id, revision, updated_at, phase, observed_revision, status_message, conditions", ids: objects.map(\.id), in: db) { row in
                guard let index = position[try uuid(row[0])] else { return }
                let object = current[index]
                if stamp?.date != object.metadata.updatedAt {
                    stamp = (object.metadata.updatedAt, StoreTime.format(object.metadata.updatedAt))
                }
                guard row[1] == object.revision, row[2] == stamp?.text else {
                    changed.append(index)
                    return
                }
                let text: String = row[6]
                let conditions: [StatusCondition]
                if let known = decoded[text] {
                    conditions = known
                } else {
                    conditions = try JSONCoding.decode([StatusCondition].self, from: text)
                    decoded[text] = conditions
                }
                current[index].status = SyncStatus(
                    phase: try parse(row[3], as: SyncPhase.self, column: "phase"), observedRevision: row[4],
                    message: row[5], conditions: conditions
                )
            }
            for index in changed {
                if let object = try behavior.fetch(.id(current[index].id), in: db)?.resource { current[index] = object }
            }
            return current
        }
    }
}

extension Repository {
    /// `body` for each row of `ids` (and `condition`, if any), reading `columns`: one query per
    /// 500 ids, rows in no particular order. Columns by index on the cursor's row (a fetched row
    /// finds a column by name by lower-casing every column's name).
    private func eachRow(_ columns: String, ids: [UUID], where condition: String? = nil, in db: Database,
                         _ body: (Row) throws -> Void) throws {
        let table = TableNames.table(of: Spec.kind)
        for start in stride(from: 0, to: ids.count, by: 500) {
            let part = ids[start..<min(start + 500, ids.count)]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(columns) FROM \(table)
                WHERE id IN (\(repeatElement("?", count: part.count).joined(separator: ", ")))\(condition.map { " AND (\($0))" } ?? "")
                """, arguments: StatementArguments(part.map(\.text)))
            while let row = try rows.next() { try body(row) }
        }
    }
}
