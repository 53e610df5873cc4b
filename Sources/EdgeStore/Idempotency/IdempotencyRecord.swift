import Foundation

/// The stored first response to an `Idempotency-Key`.
public struct IdempotencyRecord: Hashable, Sendable {
    /// The client identity the key belongs to (token id; "" without auth).
    public let scope: String
    public let key: String
    /// A hash of method, path and body; a replay with another hash is refused (422).
    public let requestHash: String
    public let status: Int
    public let response: Data
    public let createdAt: Date

    public init(scope: String, key: String, requestHash: String, status: Int, response: Data, createdAt: Date) {
        self.scope = scope
        self.key = key
        self.requestHash = requestHash
        self.status = status
        self.response = response
        self.createdAt = createdAt
    }
}
