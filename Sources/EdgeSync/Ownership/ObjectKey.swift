import EdgeCore
import Foundation

/// One stored object the reconciler works on.
public struct ObjectKey: Hashable, Sendable, CustomStringConvertible {
    public let kind: ResourceKind
    public let id: UUID

    public init(kind: ResourceKind, id: UUID) {
        self.kind = kind
        self.id = id
    }

    public var description: String { Ownership.tag(self) }
}
