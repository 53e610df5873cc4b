import Foundation

/// A `where` clause element: `[column, function, value]`.
public struct Condition: Sendable, Hashable {
    public enum Function: String, Sendable, Hashable {
        case lessThan = "<", lessThanOrEqual = "<=", equal = "==", notEqual = "!="
        case greaterThanOrEqual = ">=", greaterThan = ">", includes, excludes
    }

    public var column: String
    public var function: Function
    public var value: Value

    public init(_ column: String, _ function: Function, _ value: Value) {
        self.column = column
        self.function = function
        self.value = value
    }

    public static func equal(_ column: String, _ value: Value) -> Condition { .init(column, .equal, value) }
    public static func notEqual(_ column: String, _ value: Value) -> Condition { .init(column, .notEqual, value) }
    public static func includes(_ column: String, _ value: Value) -> Condition { .init(column, .includes, value) }
    public static func excludes(_ column: String, _ value: Value) -> Condition { .init(column, .excludes, value) }
    /// `_uuid == uuid`.
    public static func uuid(_ uuid: UUID) -> Condition { .init("_uuid", .equal, .uuid(uuid)) }
    /// A map column holds `key=value`, e.g. `.mapIncludes("external_ids", "ovn-edge:owner", "fip/1")`.
    public static func mapIncludes(_ column: String, _ key: String, _ value: String) -> Condition {
        .init(column, .includes, .stringMap([key: value]))
    }

    public var json: JSON { .array([.string(column), .string(function.rawValue), value.json]) }
}
