import Foundation
import GRDB

/// Storage behind `Idempotency-Key`: the first response per (scope, key) is kept and replayed.
public struct IdempotencyKeys: Sendable {
    let store: Store

    /// The stored response for this key, nil if none. Throws `idempotencyKeyReused` when the key
    /// was used with a different request.
    public func replay(scope: String, key: String, requestHash: String) throws -> IdempotencyRecord? {
        guard let record = try lookup(scope: scope, key: key) else { return nil }
        guard record.requestHash == requestHash else { throw StoreError.idempotencyKeyReused(key: key) }
        return record
    }

    public func lookup(scope: String, key: String) throws -> IdempotencyRecord? {
        try store.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM idempotency_keys WHERE scope = ? AND key = ?", arguments: [scope, key]).map(Self.record)
        }
    }

    /// Stores a response unless one is stored already; returns whichever is stored (first wins).
    @discardableResult
    public func save(scope: String, key: String, requestHash: String, status: Int, response: Data) throws -> IdempotencyRecord {
        try store.write(.system) { scope_ in
            let now = StoreTime.format(scope_.now)
            try scope_.db.execute(
                sql: """
                INSERT INTO idempotency_keys (scope, key, request_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (scope, key) DO NOTHING
                """,
                arguments: [scope, key, requestHash, status, response, now]
            )
            let row = try Row.fetchOne(scope_.db, sql: "SELECT * FROM idempotency_keys WHERE scope = ? AND key = ?", arguments: [scope, key])
            return try Self.record(row!)
        }
    }

    /// Forgets keys stored before `date`; returns how many.
    @discardableResult
    public func purge(olderThan date: Date) throws -> Int {
        try store.write(.system) { scope in
            try scope.db.execute(sql: "DELETE FROM idempotency_keys WHERE created_at < ?", arguments: [StoreTime.format(date)])
            return scope.db.changesCount
        }
    }

    static func record(_ row: Row) throws -> IdempotencyRecord {
        IdempotencyRecord(
            scope: row["scope"], key: row["key"], requestHash: row["request_hash"], status: row["status"],
            response: row["response"], createdAt: try date(row["created_at"])
        )
    }
}
