import EdgeCore
import EdgeStore

/// `/v1/mirrors`: GRE/ERSPAN port mirroring to a remote sink. Name and type are fixed; ports
/// are also attached one by one with `PUT/DELETE /v1/mirrors/{id}/ports/{port}`.
struct MirrorWire: ResourceWire {
    static let path = "/v1/mirrors"
    static func repository(_ store: Store) -> Repository<MirrorSpec> { store.mirrors }
    static let filters: [ListFilter] = []
    static let immutableFields = ["type"]
    static let nameIsMutable = false

    static func readSpec(_ body: inout ObjectReader) -> MirrorSpec? {
        let type = body.choice("type", MirrorType.self, required: true)
        let index = body.integer("index", required: true, in: 0...Int64.max)
        let filter = body.choice("filter", MirrorFilter.self, required: true)
        let sink = body.ipAddress("sink", required: true)
        let ports = body.stringArray("ports") ?? []
        guard let type, let index, let filter, let sink else { return nil }
        return MirrorSpec(type: type, index: index, filter: filter, sink: sink, ports: ports)
    }

    static func readPatch(_ body: inout ObjectReader) -> SpecChange<MirrorSpec> {
        var change = SpecChange<MirrorSpec>()
        change.set(\.index, body.integer("index", in: 0...Int64.max))
        change.set(\.filter, body.choice("filter", MirrorFilter.self))
        change.set(\.sink, body.ipAddress("sink"))
        change.set(\.ports, body.stringArray("ports"))
        return change
    }

    static func encodeSpec(_ mirror: Mirror, _ lookup: WireLookup) -> [(key: String, value: JSONValue)] {
        [
            ("type", .string(mirror.spec.type.rawValue)),
            ("index", .integer(mirror.spec.index)),
            ("filter", .string(mirror.spec.filter.rawValue)),
            ("sink", .text(mirror.spec.sink)),
            ("ports", .strings(mirror.spec.ports)),
        ]
    }
}
