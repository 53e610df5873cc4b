/// A stored object: common metadata, the kind's spec and the sync status.
///
/// Its JSON form is flat like the API's (`id`, `name`, …, the spec fields, then `status`); the
/// change log stores this form as before/after snapshots.
public struct Resource<Spec: ResourceSpec>: Hashable, Sendable, Codable {
    public var metadata: ResourceMetadata
    public var spec: Spec
    public var status: SyncStatus

    public init(metadata: ResourceMetadata, spec: Spec, status: SyncStatus) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    public var id: UUID { metadata.id }
    public var name: String? { metadata.name }
    public var revision: Int64 { metadata.revision }
    public static var kind: ResourceKind { Spec.kind }
    public var reference: ObjectReference { ObjectReference(kind: Spec.kind, id: metadata.id, name: metadata.name) }

    private enum StatusKey: String, CodingKey { case status }

    public init(from decoder: any Decoder) throws {
        metadata = try ResourceMetadata(from: decoder)
        spec = try Spec(from: decoder)
        status = try decoder.container(keyedBy: StatusKey.self).decode(SyncStatus.self, forKey: .status)
    }

    public func encode(to encoder: any Encoder) throws {
        try metadata.encode(to: encoder)
        try spec.encode(to: encoder)
        var container = encoder.container(keyedBy: StatusKey.self)
        try container.encode(status, forKey: .status)
    }
}

import Foundation
