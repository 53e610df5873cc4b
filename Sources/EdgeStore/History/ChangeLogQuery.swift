import EdgeCore
import Foundation

/// Filters of the change log (`/v1/events`, `/v1/eips/{id}/history`). Results are in id order.
public struct ChangeLogQuery: Hashable, Sendable {
    public var kind: ResourceKind?
    public var objectID: UUID?
    public var actor: String?
    public var requestID: String?
    public var action: ChangeAction?
    /// Entries at or after this time.
    public var from: Date?
    /// Entries before this time.
    public var to: Date?
    /// Entries with a larger id (SSE `Last-Event-ID`).
    public var afterID: Int64?
    public var limit: Int
    public var pageToken: String?

    public init(
        kind: ResourceKind? = nil, objectID: UUID? = nil, actor: String? = nil, requestID: String? = nil,
        action: ChangeAction? = nil, from: Date? = nil, to: Date? = nil, afterID: Int64? = nil,
        limit: Int = 100, pageToken: String? = nil
    ) {
        self.kind = kind
        self.objectID = objectID
        self.actor = actor
        self.requestID = requestID
        self.action = action
        self.from = from
        self.to = to
        self.afterID = afterID
        self.limit = limit
        self.pageToken = pageToken
    }
}
