import EdgeCore
import EdgeStore

/// `/v1/eips`: an address per family of the network (given, or the next free one, allocated by
/// the store) and a MAC. Only name, labels and — while nothing uses it — `usage` change
/// afterwards; `used_by` lists its users with their phases.
struct EIPWire: ResourceWire {
    static let path = "/v1/eips"
    static let bulkCreate = true
    static func repository(_ store: Store) -> Repository<EIPSpec> { store.eips }
    static let filters: [ListFilter] = [.network, .ip, .usage, .usedBy]
    static let immutableFields = ["network", "ip_v4", "ip_v6", "mac"]
    static let outputFields = ["used_by"]

    static func readSpec(_ body: inout ObjectReader) -> EIPSpec? {
        let network = body.reference("network", required: true)
        let spec = EIPSpec(network: network ?? .name(""), ipV4: body.ipv4("ip_v4"), ipV6: body.ipv6("ip_v6"), mac: body.mac("mac"),
                           usage: body.choice("usage", EIPUsage.self) ?? .nat)
        return network == nil ? nil : spec
    }

    static func readPatch(_ body: inout ObjectReader) -> SpecChange<EIPSpec> {
        var change = SpecChange<EIPSpec>()
        change.set(\.usage, body.choice("usage", EIPUsage.self))
        return change
    }

    static func encodeSpec(_ eip: EIP, _ lookup: WireLookup) throws -> [(key: String, value: JSONValue)] {
        [
            ("network", ResourceEncoding.reference(eip.spec.network)),
            ("ip_v4", .text(eip.spec.ipV4)),
            ("ip_v6", .text(eip.spec.ipV6)),
            ("mac", .text(eip.spec.mac)),
            ("usage", .string(eip.spec.usage.rawValue)),
            ("used_by", .array(try lookup.usedBy(eip: eip.id).map(ResourceEncoding.eipUser))),
        ]
    }
}
