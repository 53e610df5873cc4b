import Foundation

/// One OVSDB atom (RFC 7047 §5.1).
public enum Atom: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case real(Double)
    case boolean(Bool)
    case uuid(UUID)
    /// A reference to a row inserted earlier in the same transaction (`uuid-name`).
    case namedUUID(String)
}

extension Atom: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
                ExpressibleByFloatLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(floatLiteral value: Double) { self = .real(value) }
}

extension Atom {
    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    public var integer: Int? { if case .integer(let i) = self { return i } else { return nil } }
    public var real: Double? {
        switch self {
        case .real(let d): return d
        case .integer(let i): return Double(i)
        default: return nil
        }
    }
    public var boolean: Bool? { if case .boolean(let b) = self { return b } else { return nil } }
    public var uuid: UUID? { if case .uuid(let u) = self { return u } else { return nil } }

    public var json: JSON {
        switch self {
        case .string(let s): return .string(s)
        case .integer(let i): return .int(i)
        case .real(let d): return .double(d)
        case .boolean(let b): return .bool(b)
        case .uuid(let u): return .array([.string("uuid"), .string(u.ovsdbString)])
        case .namedUUID(let name): return .array([.string("named-uuid"), .string(name)])
        }
    }

    /// Decodes an atom; `type` (from the schema) turns JSON integers into reals where needed.
    public init?(json: JSON, type: AtomicType? = nil) {
        switch json {
        case .string(let s): self = .string(s)
        case .int(let i): self = type == .real ? .real(Double(i)) : .integer(i)
        case .double(let d): self = .real(d)
        case .bool(let b): self = .boolean(b)
        case .array(let pair) where pair.count == 2:
            guard case .string(let tag) = pair[0], case .string(let text) = pair[1] else { return nil }
            switch tag {
            case "uuid":
                guard let uuid = UUID(ovsdb: text) else { return nil }
                self = .uuid(uuid)
            case "named-uuid": self = .namedUUID(text)
            default: return nil
            }
        default: return nil
        }
    }
}

extension Atom: CustomStringConvertible {
    public var description: String {
        switch self {
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .real(let d): return String(d)
        case .boolean(let b): return String(b)
        case .uuid(let u): return u.ovsdbString
        case .namedUUID(let n): return "@" + n
        }
    }
}
