extension Value {
    /// Wire form: a one-element set is written as its bare atom (RFC 7047 allows both).
    public var json: JSON {
        switch self {
        case .atom(let a): return a.json
        case .set(let s):
            if s.count == 1, let only = s.first { return only.json }
            return .array([.string("set"), .array(s.map(\.json))])
        case .map(let m):
            return .array([.string("map"), .array(m.map { .array([$0.key.json, $0.value.json]) })])
        }
    }

    /// Decodes a datum. With the column `type`, a bare atom in a set column becomes a set and
    /// integers in real columns become reals; without it the JSON shape decides.
    public init?(json: JSON, type: ColumnType? = nil) {
        if case .array(let pair) = json, pair.count == 2, case .string(let tag) = pair[0] {
            switch tag {
            case "set":
                guard case .array(let items) = pair[1] else { return nil }
                var set = Set<Atom>(minimumCapacity: items.count)
                for item in items {
                    guard let atom = Atom(json: item, type: type?.key.type) else { return nil }
                    set.insert(atom)
                }
                if let type, type.isScalar, let only = set.first, set.count == 1 { self = .atom(only); return }
                self = .set(set)
                return
            case "map":
                guard case .array(let pairs) = pair[1] else { return nil }
                var map = [Atom: Atom](minimumCapacity: pairs.count)
                for entry in pairs {
                    guard case .array(let kv) = entry, kv.count == 2,
                          let k = Atom(json: kv[0], type: type?.key.type),
                          let v = Atom(json: kv[1], type: type?.value?.type) else { return nil }
                    map[k] = v
                }
                self = .map(map)
                return
            default:
                break
            }
        }
        guard let atom = Atom(json: json, type: type?.key.type) else { return nil }
        if let type, !type.isScalar, !type.isMap { self = .set([atom]) } else { self = .atom(atom) }
    }
}
