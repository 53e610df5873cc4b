import EdgeCore
import Foundation

/// An object the reconciler has to look at: its spec changed (pending), a previous attempt
/// failed (error), or it is being deleted.
public struct SyncItem: Hashable, Sendable {
    public let kind: ResourceKind
    public let id: UUID
    public let revision: Int64
    public let observedRevision: Int64
    public let phase: SyncPhase
    /// Change-log id of the object's last spec change; resume with `afterChangeSeq`.
    public let changeSeq: Int64
}
