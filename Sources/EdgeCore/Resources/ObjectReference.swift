import Foundation

/// A stored object, as listed in `used_by` and change-log entries.
public struct ObjectReference: Hashable, Sendable, Codable, CustomStringConvertible {
    public let kind: ResourceKind
    public let id: UUID
    public let name: String?

    public init(kind: ResourceKind, id: UUID, name: String? = nil) {
        self.kind = kind
        self.id = id
        self.name = name
    }

    public var description: String { "\(kind.rawValue)/\(id.lowercaseText)" }
}
