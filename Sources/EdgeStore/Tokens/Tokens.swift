import Foundation
import GRDB

/// The API tokens table (`store.tokens`). Token writes are not resource changes, so they append
/// nothing to the change log.
public struct Tokens: Sendable {
    let store: Store

    /// Stores a new token. Fails with `TokenStoreError.nameTaken` for a used name.
    @discardableResult
    public func create(id: String, name: String, role: String, project: String?, secretHash: String) throws -> TokenRecord {
        try store.write(.system) { scope in
            if try Row.fetchOne(scope.db, sql: "SELECT 1 FROM api_tokens WHERE name = ?", arguments: [name]) != nil {
                throw TokenStoreError.nameTaken(name)
            }
            try scope.db.execute(
                sql: "INSERT INTO api_tokens (id, name, role, project, secret_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, name, role, project, secretHash, StoreTime.format(scope.now)]
            )
            return TokenRecord(id: id, name: name, role: role, project: project, secretHash: secretHash, createdAt: scope.now, revokedAt: nil)
        }
    }

    /// The token with this id (revoked ones too), nil if none.
    public func find(id: String) throws -> TokenRecord? {
        try store.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM api_tokens WHERE id = ?", arguments: [id]).map(Self.record)
        }
    }

    /// Every token, oldest first; revoked ones only when asked.
    public func list(includeRevoked: Bool = false) throws -> [TokenRecord] {
        try store.read { db in
            let filter = includeRevoked ? "" : "WHERE revoked_at IS NULL"
            return try Row.fetchAll(db, sql: "SELECT * FROM api_tokens \(filter) ORDER BY created_at, name").map(Self.record)
        }
    }

    /// How many tokens exist, revoked ones included (first start creates one only when zero).
    public func count() throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM api_tokens") ?? 0 }
    }

    /// Revokes the token named by id or name; revoking twice keeps the first time.
    @discardableResult
    public func revoke(_ reference: String) throws -> TokenRecord {
        try store.write(.system) { scope in
            guard let row = try Row.fetchOne(scope.db, sql: "SELECT * FROM api_tokens WHERE id = ? OR name = ?", arguments: [reference, reference]) else {
                throw TokenStoreError.notFound(reference)
            }
            let token = try Self.record(row)
            guard !token.isRevoked else { return token }
            try scope.db.execute(sql: "UPDATE api_tokens SET revoked_at = ? WHERE id = ?", arguments: [StoreTime.format(scope.now), token.id])
            return TokenRecord(id: token.id, name: token.name, role: token.role, project: token.project,
                               secretHash: token.secretHash, createdAt: token.createdAt, revokedAt: scope.now)
        }
    }

    static func record(_ row: Row) throws -> TokenRecord {
        let revoked: String? = row["revoked_at"]
        return TokenRecord(
            id: row["id"], name: row["name"], role: row["role"], project: row["project"], secretHash: row["secret_hash"],
            createdAt: try date(row["created_at"]), revokedAt: try revoked.map(date)
        )
    }
}
