import Foundation

/// One API token as stored: everything but the secret, of which only a hash is kept.
public struct TokenRecord: Hashable, Sendable {
    /// Public part of the bearer value, 16 hex digits.
    public let id: String
    /// Unique; what the change log records as the actor.
    public let name: String
    /// `viewer`, `operator` or `admin` (EdgeAPI gives them meaning).
    public let role: String
    /// nil: every project.
    public let project: String?
    /// Lower-case hex SHA-256 of the secret part.
    public let secretHash: String
    public let createdAt: Date
    public let revokedAt: Date?

    public init(id: String, name: String, role: String, project: String?, secretHash: String, createdAt: Date, revokedAt: Date?) {
        self.id = id
        self.name = name
        self.role = role
        self.project = project
        self.secretHash = secretHash
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    public var isRevoked: Bool { revokedAt != nil }
}
