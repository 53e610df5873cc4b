import EdgeCore
import Foundation
import GRDB

/// Reads the append-only change log.
public struct ChangeLog: Sendable {
    let store: Store

    public func entries(_ query: ChangeLogQuery) throws -> Page<ChangeEntry> {
        var conditions = ["id > ?"]
        var arguments: StatementArguments = [max(try PageToken.parse(query.pageToken, scope: "changes"), query.afterID ?? 0)]
        if let kind = query.kind { conditions.append("object_kind = ?"); arguments += [kind.rawValue] }
        if let id = query.objectID { conditions.append("object_id = ?"); arguments += [id.text] }
        if let actor = query.actor { conditions.append("actor = ?"); arguments += [actor] }
        if let requestID = query.requestID { conditions.append("request_id = ?"); arguments += [requestID] }
        if let action = query.action { conditions.append("action = ?"); arguments += [action.rawValue] }
        if let from = query.from { conditions.append("time >= ?"); arguments += [StoreTime.format(from)] }
        if let to = query.to { conditions.append("time < ?"); arguments += [StoreTime.format(to)] }
        let limit = PageToken.clamp(query.limit)
        return try store.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM change_log WHERE \(conditions.joined(separator: " AND ")) ORDER BY id LIMIT \(limit + 1)",
                arguments: arguments
            )
            let entries = try rows.prefix(limit).map(Self.entry)
            let next = rows.count > limit ? PageToken.make("changes", after: entries[limit - 1].id) : nil
            return Page(items: entries, nextPageToken: next)
        }
    }

    /// The id of the newest entry (0 when empty): where an event stream starts.
    public func latestID() throws -> Int64 {
        try store.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM change_log") ?? 0 }
    }

    static func entry(_ row: Row) throws -> ChangeEntry {
        ChangeEntry(
            id: row["id"], time: try date(row["time"]), actor: row["actor"], requestID: row["request_id"],
            action: try parse(row["action"], as: ChangeAction.self, column: "action"),
            objectKind: try parse(row["object_kind"], as: ResourceKind.self, column: "object_kind"),
            objectID: try uuid(row["object_id"], column: "object_id"),
            before: row["before"], after: row["after"]
        )
    }
}
