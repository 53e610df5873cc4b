import Foundation

/// An OVSDB datum: a single atom, a set or a map. Columns whose type allows 0 or more than 1
/// element are always held as `.set` (never as a bare atom), so comparisons do not depend on
/// how the server happened to print them.
public enum Value: Sendable, Hashable {
    case atom(Atom)
    case set(Set<Atom>)
    case map([Atom: Atom])
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
                 ExpressibleByFloatLiteral {
    public init(stringLiteral value: String) { self = .atom(.string(value)) }
    public init(integerLiteral value: Int) { self = .atom(.integer(value)) }
    public init(booleanLiteral value: Bool) { self = .atom(.boolean(value)) }
    public init(floatLiteral value: Double) { self = .atom(.real(value)) }
}

extension Value {
    public static func string(_ s: String) -> Value { .atom(.string(s)) }
    public static func integer(_ i: Int) -> Value { .atom(.integer(i)) }
    public static func boolean(_ b: Bool) -> Value { .atom(.boolean(b)) }
    public static func uuid(_ u: UUID) -> Value { .atom(.uuid(u)) }
    public static func namedUUID(_ name: String) -> Value { .atom(.namedUUID(name)) }
    public static let emptySet = Value.set([])
    public static let emptyMap = Value.map([:])

    /// An optional column (`min 0, max 1`): empty set for nil.
    public static func optional(_ atom: Atom?) -> Value { .set(atom.map { [$0] } ?? []) }
    public static func optional(_ s: String?) -> Value { .optional(s.map(Atom.string)) }
    public static func optional(_ u: UUID?) -> Value { .optional(u.map(Atom.uuid)) }
    public static func optional(_ b: Bool?) -> Value { .optional(b.map(Atom.boolean)) }
    public static func optional(_ i: Int?) -> Value { .optional(i.map(Atom.integer)) }
    public static func stringSet<S: Sequence>(_ items: S) -> Value where S.Element == String { .set(Set(items.map(Atom.string))) }
    public static func uuidSet<S: Sequence>(_ items: S) -> Value where S.Element == UUID { .set(Set(items.map(Atom.uuid))) }
    public static func stringMap(_ map: [String: String]) -> Value {
        var atoms = [Atom: Atom](minimumCapacity: map.count)
        for (key, value) in map { atoms[.string(key)] = .string(value) }
        return .map(atoms)
    }

    /// All elements: one for an atom, the members of a set, nothing for a map.
    public var atoms: [Atom] {
        switch self {
        case .atom(let a): return [a]
        case .set(let s): return Array(s)
        case .map: return []
        }
    }

    /// The single atom of a scalar or of a one-element set.
    public var singleAtom: Atom? {
        switch self {
        case .atom(let a): return a
        case .set(let s) where s.count == 1: return s.first
        default: return nil
        }
    }

    public var string: String? { singleAtom?.string }
    public var integer: Int? { singleAtom?.integer }
    public var boolean: Bool? { singleAtom?.boolean }
    public var uuid: UUID? { singleAtom?.uuid }
    public var strings: [String] { atoms.compactMap(\.string) }
    public var uuids: [UUID] { atoms.compactMap(\.uuid) }

    /// A string→string map; other maps give only their string pairs.
    public var stringMap: [String: String] {
        guard case .map(let m) = self else { return [:] }
        var out: [String: String] = [:]
        out.reserveCapacity(m.count)
        for (k, v) in m { if let ks = k.string, let vs = v.string { out[ks] = vs } }
        return out
    }

    /// `true` for an empty set or map.
    public var isEmpty: Bool {
        switch self {
        case .atom: return false
        case .set(let s): return s.isEmpty
        case .map(let m): return m.isEmpty
        }
    }
}
