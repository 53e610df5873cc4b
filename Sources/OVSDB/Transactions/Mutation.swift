import Foundation

/// A `mutate` element: `[column, mutator, value]`.
public struct Mutation: Sendable, Hashable {
    public enum Mutator: String, Sendable, Hashable {
        case add = "+=", subtract = "-=", multiply = "*=", divide = "/=", modulo = "%="
        case insert, delete
    }

    public var column: String
    public var mutator: Mutator
    public var value: Value

    public init(_ column: String, _ mutator: Mutator, _ value: Value) {
        self.column = column
        self.mutator = mutator
        self.value = value
    }

    /// Adds set elements or map pairs (a map insert never overwrites an existing key).
    public static func insert(_ column: String, _ value: Value) -> Mutation { .init(column, .insert, value) }
    /// Removes set elements, map keys (given as a set) or exact map pairs (given as a map).
    public static func delete(_ column: String, _ value: Value) -> Mutation { .init(column, .delete, value) }
    public static func insert(_ column: String, uuids: [UUID]) -> Mutation { .insert(column, .uuidSet(uuids)) }
    public static func delete(_ column: String, uuids: [UUID]) -> Mutation { .delete(column, .uuidSet(uuids)) }
    /// Sets map keys, replacing existing values: delete the keys, then insert the pairs
    /// (mutations apply in order). Returns both mutations.
    public static func setKeys(_ column: String, _ pairs: [String: String]) -> [Mutation] {
        [.delete(column, .stringSet(pairs.keys)), .insert(column, .stringMap(pairs))]
    }

    public var json: JSON { .array([.string(column), .string(mutator.rawValue), value.json]) }
}
