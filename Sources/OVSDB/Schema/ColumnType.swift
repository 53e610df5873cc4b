/// A column's type: key, optional value (a map), and how many elements it holds.
public struct ColumnType: Sendable, Hashable {
    public var key: BaseType
    public var value: BaseType?
    public var min: Int
    /// `Int.max` stands for "unlimited".
    public var max: Int

    public init(key: BaseType, value: BaseType? = nil, min: Int = 1, max: Int = 1) {
        self.key = key
        self.value = value
        self.min = min
        self.max = max
    }

    public var isMap: Bool { value != nil }
    /// Exactly one atom: held as `.atom`.
    public var isScalar: Bool { value == nil && min == 1 && max == 1 }
    /// At most one element: an "optional" column.
    public var isOptional: Bool { min == 0 && max == 1 }

    /// The default datum: empty set/map, or the type's default atom.
    public var defaultValue: Value {
        if isMap { return .emptyMap }
        if isScalar { return .atom(key.defaultAtom) }
        if min == 0 { return .emptySet }
        return .set([key.defaultAtom])
    }

    init?(json: JSON) {
        if let base = BaseType(json: json), json.stringValue != nil {
            self.init(key: base)
            return
        }
        guard let object = json.objectValue, let keyJSON = object["key"], let key = BaseType(json: keyJSON) else { return nil }
        self.init(key: key, value: object["value"].flatMap(BaseType.init(json:)))
        min = object["min"]?.intValue ?? 1
        if case .string("unlimited")? = object["max"] { max = .max } else { max = object["max"]?.intValue ?? 1 }
    }
}
