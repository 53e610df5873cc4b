import Foundation

/// How a request names another object: by id or by name. Text that parses as a UUID is an id.
public enum ResourceReference: Hashable, Sendable, LosslessStringConvertible, Codable {
    case id(UUID)
    case name(String)

    public init(_ text: String) {
        if let id = UUID(text: text) { self = .id(id) } else { self = .name(text) }
    }

    /// The id, once the store has resolved the reference (stored objects always hold ids).
    public var id: UUID? {
        if case .id(let id) = self { id } else { nil }
    }

    public var description: String {
        switch self {
        case .id(let id): id.lowercaseText
        case .name(let name): name
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws { try encodeAsText(self, encoder) }
}
