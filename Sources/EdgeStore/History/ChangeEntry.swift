import EdgeCore
import Foundation

/// One change-log row. `before`/`after` are JSON snapshots of the object (API shape), or for
/// bind/unbind `{"by": "<kind>/<id>"}`.
public struct ChangeEntry: Hashable, Sendable {
    /// Monotonic; the event id of `/v1/events`.
    public let id: Int64
    public let time: Date
    public let actor: String?
    public let requestID: String?
    public let action: ChangeAction
    public let objectKind: ResourceKind
    public let objectID: UUID
    public let before: String?
    public let after: String?
}
