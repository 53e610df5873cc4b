import EdgeCore
import EdgeStore

/// `/v1/dnat-rules`: port forwarding EIP:external_port → internal_ip:internal_port;
/// (eip, protocol, external_port) unique. Only the target may change.
struct DNATRuleWire: ResourceWire {
    static let path = "/v1/dnat-rules"
    static let bulkCreate = true
    static func repository(_ store: Store) -> Repository<DNATRuleSpec> { store.dnatRules }
    static let filters: [ListFilter] = [.eip, .router]
    static let immutableFields = ["eip", "router", "protocol", "external_port"]
    static let outputFields = ["external_ip"]

    static func readSpec(_ body: inout ObjectReader) -> DNATRuleSpec? {
        let eip = body.reference("eip", required: true)
        let router = body.nbName("router", required: true)
        let transport = body.choice("protocol", TransportProtocol.self, required: true, code: "invalid-protocol")
        let externalPort = body.port("external_port", required: true)
        let internalIP = body.ipAddress("internal_ip", required: true)
        let internalPort = body.port("internal_port", required: true)
        guard let eip, let router, let transport, let externalPort, let internalIP, let internalPort else { return nil }
        return DNATRuleSpec(eip: eip, router: router, protocol: transport, externalPort: externalPort, internalIP: internalIP, internalPort: internalPort)
    }

    static func readPatch(_ body: inout ObjectReader) -> SpecChange<DNATRuleSpec> {
        var change = SpecChange<DNATRuleSpec>()
        change.set(\.internalIP, body.ipAddress("internal_ip"))
        change.set(\.internalPort, body.port("internal_port"))
        return change
    }

    static func encodeSpec(_ rule: DNATRule, _ lookup: WireLookup) throws -> [(key: String, value: JSONValue)] {
        [
            ("eip", ResourceEncoding.reference(rule.spec.eip)),
            ("router", .string(rule.spec.router)),
            ("external_ip", try lookup.externalIP(rule.spec.eip, family: rule.spec.internalIP.family)),
            ("protocol", .string(rule.spec.protocol.rawValue)),
            ("external_port", .integer(rule.spec.externalPort.value)),
            ("internal_ip", .text(rule.spec.internalIP)),
            ("internal_port", .integer(rule.spec.internalPort.value)),
        ]
    }
}
