import EdgeCore
import EdgeStore

/// `/v1/external-networks`: where EIPs come from. CIDRs, gateways and the switch are fixed once
/// created; exclude list, chassis, mode and localnet may change.
struct ExternalNetworkWire: ResourceWire {
    static let path = "/v1/external-networks"
    static func repository(_ store: Store) -> Repository<ExternalNetworkSpec> { store.networks }
    static let filters: [ListFilter] = []
    static let immutableFields = ["logical_switch", "cidr_v4", "gateway_v4", "cidr_v6", "gateway_v6"]
    static let nameIsMutable = false

    static func readSpec(_ body: inout ObjectReader) -> ExternalNetworkSpec? {
        ExternalNetworkSpec(
            logicalSwitch: body.nbName("logical_switch"),
            cidrV4: body.cidrV4("cidr_v4"), gatewayV4: body.ipv4("gateway_v4"),
            cidrV6: body.cidrV6("cidr_v6"), gatewayV6: body.ipv6("gateway_v6"),
            exclude: body.ipRanges("exclude") ?? [],
            gatewayChassis: body.stringArray("gateway_chassis", maxCount: 32) ?? [],
            mode: body.choice("mode", DistributionMode.self) ?? .centralized,
            localnetNetwork: body.nbName("localnet_network")
        )
    }

    static func readPatch(_ body: inout ObjectReader) -> SpecChange<ExternalNetworkSpec> {
        var change = SpecChange<ExternalNetworkSpec>()
        change.set(\.exclude, body.ipRanges("exclude"))
        change.set(\.gatewayChassis, body.stringArray("gateway_chassis", maxCount: 32))
        change.set(\.mode, body.choice("mode", DistributionMode.self))
        change.set(\.localnetNetwork, body.nullableString("localnet_network"))
        return change
    }

    static func encodeSpec(_ network: ExternalNetwork, _ lookup: WireLookup) -> [(key: String, value: JSONValue)] {
        let spec = network.spec
        return [
            ("logical_switch", .string(spec.logicalSwitch)),
            ("cidr_v4", .text(spec.cidrV4)),
            ("gateway_v4", .text(spec.gatewayV4)),
            ("cidr_v6", .text(spec.cidrV6)),
            ("gateway_v6", .text(spec.gatewayV6)),
            ("exclude", .strings(spec.exclude.map(\.description))),
            ("gateway_chassis", .strings(spec.gatewayChassis)),
            ("mode", .string(spec.mode.rawValue)),
            ("localnet_network", .string(spec.localnetNetwork)),
        ]
    }
}
