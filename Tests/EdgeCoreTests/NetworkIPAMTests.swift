import EdgeCore
import TestSupport
import Testing

@Suite struct NetworkIPAMTests {
    let dualStack = ExternalNetworkSpec(
        cidrV4: IPv4CIDR("192.0.2.0/29"), gatewayV4: IPv4Address("192.0.2.1"),
        cidrV6: IPv6CIDR("2001:db8::/125"), gatewayV6: IPv6Address("2001:db8::1")
    )

    @Test func allocatesEveryFamilyTheNetworkHas() throws {
        var ipam = NetworkIPAM(network: dualStack)
        let allocation = try ipam.allocate(AddressRequest())
        #expect(allocation.ipV4?.description == "192.0.2.2")
        #expect(allocation.ipV6?.description == "2001:db8::2")
        #expect(allocation.mac.isLocallyAdministered && allocation.mac.isUnicast)
    }

    @Test func failuresNameTheFieldAndConsumeNothing() throws {
        var ipam = NetworkIPAM(network: dualStack)
        let held = try ipam.allocate(AddressRequest(ipV6: IPv6Address("2001:db8::5")))
        #expect(throws: FieldedIPAMError(field: "ip_v6", error: .inUse(address: "2001:db8::5"))) {
            try ipam.allocate(AddressRequest(ipV4: IPv4Address("192.0.2.6"), ipV6: IPv6Address("2001:db8::5")))
        }
        // 192.0.2.6 was not consumed by the failed request.
        _ = try ipam.allocate(AddressRequest(ipV4: IPv4Address("192.0.2.6")))
        #expect(throws: FieldedIPAMError(field: "mac", error: .inUse(address: held.mac.description))) {
            try ipam.allocate(AddressRequest(mac: held.mac))
        }
        var v4Only = NetworkIPAM(network: ExternalNetworkSpec(cidrV4: IPv4CIDR("192.0.2.0/29")))
        #expect(throws: FieldedIPAMError(field: "ip_v6", error: .familyNotConfigured(family: .v6))) {
            try v4Only.allocate(AddressRequest(ipV6: IPv6Address("2001:db8::5")))
        }
    }

    @Test func macsStayUniquePerNetwork() throws {
        var ipam = NetworkIPAM(network: ExternalNetworkSpec(cidrV4: IPv4CIDR("10.0.0.0/16")))
        var generator = SeededGenerator(seed: 3)
        var macs = Set<MACAddress>()
        for _ in 0..<5000 { macs.insert(try ipam.allocate(AddressRequest(), using: &generator).mac) }
        #expect(macs.count == 5000)
        #expect(ipam.macs == macs)
    }
}
