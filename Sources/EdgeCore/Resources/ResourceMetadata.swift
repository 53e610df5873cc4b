import Foundation

/// Fields every resource has. `revision` starts at 1 and grows by one per spec change.
public struct ResourceMetadata: Hashable, Sendable, Codable {
    public static let defaultProject = "default"

    public var id: UUID
    public var name: String?
    public var project: String
    public var labels: [String: String]
    public var revision: Int64
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, project, labels, revision
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(
        id: UUID, name: String?, project: String = defaultProject, labels: [String: String] = [:],
        revision: Int64, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.project = project
        self.labels = labels
        self.revision = revision
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
