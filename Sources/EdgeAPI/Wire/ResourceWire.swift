import EdgeCore
import EdgeStore

/// How one resource kind travels over HTTP: its collection path, the body fields of create and
/// PATCH, which list filters it has, and its JSON form. `ResourceRoutes` does the rest the same
/// way for every kind.
protocol ResourceWire: Sendable {
    associatedtype Spec: ResourceSpec
    /// `/v1/fips`; the item path is `<path>/{id}`.
    static var path: String { get }
    static func repository(_ store: Store) -> Repository<Spec>
    /// List filters beyond project, phase and labels.
    static var filters: [ListFilter] { get }
    /// Spec fields a PATCH may not carry (422 `immutable-field`).
    static var immutableFields: [String] { get }
    /// Fields only responses carry (`external_ip`, `used_by`); a PATCH with them is refused too.
    static var outputFields: [String] { get }
    /// Whether PATCH may rename (mirrors and networks keep their NB-facing name).
    static var nameIsMutable: Bool { get }
    /// Whether `POST <path>:bulk` exists (default: no).
    static var bulkCreate: Bool { get }

    /// Reads the spec fields of a create body; nil when one is missing or invalid (the reader
    /// holds the errors).
    static func readSpec(_ body: inout ObjectReader) -> Spec?
    /// Reads the mutable spec fields of a PATCH body into a change of the stored spec.
    static func readPatch(_ body: inout ObjectReader) -> SpecChange<Spec>
    /// The spec part of the JSON form, plus derived fields.
    static func encodeSpec(_ resource: Resource<Spec>, _ lookup: WireLookup) throws -> [(key: String, value: JSONValue)]
}

/// Edits to a stored spec, collected while reading a PATCH body and applied inside the store's
/// transaction.
struct SpecChange<Spec: ResourceSpec> {
    private var edits: [(inout Spec) -> Void] = []

    mutating func set<Value>(_ keyPath: WritableKeyPath<Spec, Value>, _ value: Value?) {
        guard let value else { return }
        edits.append { $0[keyPath: keyPath] = value }
    }

    /// For nullable fields: `.null` clears, `.value` sets, `.absent` leaves alone.
    mutating func set<Value>(_ keyPath: WritableKeyPath<Spec, Value?>, _ presence: ObjectReader.Presence<Value>) {
        switch presence {
        case .absent: break
        case .null: edits.append { $0[keyPath: keyPath] = nil }
        case .value(let value): edits.append { $0[keyPath: keyPath] = value }
        }
    }

    mutating func edit(_ body: @escaping (inout Spec) -> Void) { edits.append(body) }

    func apply(to spec: inout Spec) { for edit in edits { edit(&spec) } }
}

extension ResourceWire {
    static var outputFields: [String] { [] }
    static var nameIsMutable: Bool { true }
    static var itemPath: String { path + "/{id}" }
    static var kind: ResourceKind { Spec.kind }
}
