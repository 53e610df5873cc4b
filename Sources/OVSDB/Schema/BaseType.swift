/// The key or value type of a column: an atomic type plus its constraints.
public struct BaseType: Sendable, Hashable {
    public enum ReferenceType: String, Sendable, Hashable { case strong, weak }

    public var type: AtomicType
    public var enumeration: Set<Atom>?
    public var minInteger: Int?
    public var maxInteger: Int?
    public var minLength: Int?
    public var maxLength: Int?
    public var refTable: String?
    public var refType: ReferenceType

    public init(type: AtomicType, enumeration: Set<Atom>? = nil, refTable: String? = nil, refType: ReferenceType = .strong) {
        self.type = type
        self.enumeration = enumeration
        self.refTable = refTable
        self.refType = refType
    }

    /// `"string"` or `{"type": "string", "enum": …, …}`.
    init?(json: JSON) {
        if case .string(let name) = json {
            guard let atomic = AtomicType(rawValue: name) else { return nil }
            self.init(type: atomic)
            return
        }
        guard let object = json.objectValue, let name = object["type"]?.stringValue,
              let atomic = AtomicType(rawValue: name) else { return nil }
        self.init(type: atomic)
        if let e = object["enum"] {
            enumeration = Set(Value(json: e)?.atoms.map { atom in
                if atomic == .real, let i = atom.integer { return Atom.real(Double(i)) }
                return atom
            } ?? [])
        }
        minInteger = object["minInteger"]?.intValue
        maxInteger = object["maxInteger"]?.intValue
        minLength = object["minLength"]?.intValue
        maxLength = object["maxLength"]?.intValue
        refTable = object["refTable"]?.stringValue
        refType = object["refType"]?.stringValue.flatMap(ReferenceType.init(rawValue:)) ?? .strong
    }

    /// The value ovsdb-server gives an atom of this type when a required column is left out.
    public var defaultAtom: Atom {
        switch type {
        case .integer: return .integer(0)
        case .real: return .real(0)
        case .boolean: return .boolean(false)
        case .string: return .string("")
        case .uuid: return .uuid(.zero)
        }
    }
}
