import EdgeCore
import EdgeStore

/// `/v1/fips`: 1:1 NAT of an EIP to an internal address; one per EIP. EIP and router are fixed.
struct FloatingIPWire: ResourceWire {
    static let path = "/v1/fips"
    static let bulkCreate = true
    static func repository(_ store: Store) -> Repository<FloatingIPSpec> { store.fips }
    static let filters: [ListFilter] = [.eip, .router]
    static let immutableFields = ["eip", "router"]
    static let outputFields = ["external_ip"]

    static func readSpec(_ body: inout ObjectReader) -> FloatingIPSpec? {
        let eip = body.reference("eip", required: true)
        let router = body.nbName("router", required: true)
        let internalIP = body.ipAddress("internal_ip", required: true)
        let logicalPort = body.nbName("logical_port")
        let mode = body.choice("mode", DistributionMode.self)
        let stateless = body.bool("stateless")
        guard let eip, let router, let internalIP else { return nil }
        return .requested(eip: eip, router: router, internalIP: internalIP, logicalPort: logicalPort, mode: mode, stateless: stateless)
    }

    static func readPatch(_ body: inout ObjectReader) -> SpecChange<FloatingIPSpec> {
        var change = SpecChange<FloatingIPSpec>()
        change.set(\.internalIP, body.ipAddress("internal_ip"))
        change.set(\.logicalPort, body.nullableString("logical_port"))
        change.set(\.mode, body.choice("mode", DistributionMode.self))
        change.set(\.stateless, body.bool("stateless"))
        return change
    }

    static func encodeSpec(_ fip: FloatingIP, _ lookup: WireLookup) throws -> [(key: String, value: JSONValue)] {
        [
            ("eip", ResourceEncoding.reference(fip.spec.eip)),
            ("router", .string(fip.spec.router)),
            ("external_ip", try lookup.externalIP(fip.spec.eip, family: fip.spec.internalIP.family)),
            ("internal_ip", .text(fip.spec.internalIP)),
            ("logical_port", .string(fip.spec.logicalPort)),
            ("mode", .string(fip.spec.mode.rawValue)),
            ("stateless", .bool(fip.spec.stateless)),
        ]
    }
}
