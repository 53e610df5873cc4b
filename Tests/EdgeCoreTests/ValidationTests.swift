import EdgeCore
import Foundation
import Testing

@Suite struct ValidationTests {
    func codes(_ errors: [FieldError]) -> [String: ValidationCode] {
        Dictionary(errors.map { ($0.field, $0.code) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func externalNetworksCheckGatewaysAndExcludes() {
        let spec = ExternalNetworkSpec(
            cidrV4: IPv4CIDR("192.0.2.0/24"), gatewayV4: IPv4Address("192.0.2.255"),
            gatewayV6: IPv6Address("2001:db8::1"),
            exclude: [IPRange("192.0.2.10..192.0.2.20")!, IPRange("198.51.100.1")!, IPRange("2001:db8::5")!],
            gatewayChassis: ["gw1", "gw1"]
        )
        let found = codes(spec.validate())
        #expect(found["gateway_v4"] == .addressReserved)
        #expect(found["gateway_v6"] == .familyMismatch)
        #expect(found["exclude[0]"] == nil)
        #expect(found["exclude[1]"] == .addressOutsideNetwork)
        #expect(found["exclude[2]"] == .familyMismatch)
        #expect(found["gateway_chassis[1]"] == .duplicate)
        #expect(codes(ExternalNetworkSpec().validate())["cidr_v4"] == .required)
    }

    @Test func namesAreCheckedAndRequiredWhereTheKindNeedsThem() {
        let network = ExternalNetworkSpec(cidrV4: IPv4CIDR("192.0.2.0/24"))
        #expect(codes(ResourceInput(spec: network).validate())["name"] == .required)
        #expect(ResourceInput(name: "public", spec: network).validate().isEmpty)
        #expect(codes(ResourceInput(name: "has space", spec: network).validate())["name"] == .invalidName)
        #expect(codes(ResourceInput(name: UUID().uuidString, spec: network).validate())["name"] == .invalidName)
        #expect(codes(ResourceInput(name: "ok", project: "", spec: network).validate())["project"] == .invalidName)
        #expect(codes(ResourceInput(name: "ok", labels: ["": "x"], spec: network).validate())["labels."] == .invalidLabel)
        let eip = EIPSpec(network: .name("public"))
        #expect(ResourceInput(spec: eip).validate().isEmpty, "EIPs may be nameless")
    }

    @Test func ruleSpecsCheckTheirFields() {
        let fip = FloatingIPSpec(eip: .name("e"), router: "r1", internalIP: IPAddress("10.0.0.5")!, mode: .distributed)
        #expect(codes(fip.validate())["logical_port"] == .required)
        #expect(codes(SNATRuleSpec(eip: .name("e"), router: "", internalCIDR: IPCIDR("10.0.0.0/24")!).validate())["router"] == .required)
        let erspan = MirrorSpec(type: .erspan, index: 2000, filter: .both, sink: IPAddress("192.0.2.9")!, ports: ["p1", "p1"])
        let found = codes(erspan.validate())
        #expect(found["index"] == .outOfRange)
        #expect(found["ports[1]"] == .duplicate)
        #expect(MirrorSpec(type: .gre, index: 2000, filter: .both, sink: IPAddress("192.0.2.9")!).validate().isEmpty)
        #expect(codes(EIPSpec(network: .name("n"), mac: MACAddress("01:00:5e:00:00:01")).validate())["mac"] == .invalidMAC)
    }

    @Test func reportsCollectParseErrorsPerField() {
        var report = ValidationReport()
        let cidr = report.parse("10.0.0.1/24", as: IPv4CIDR.self, field: "cidr_v4", code: .invalidCIDR)
        let ip = report.parse("10.0.0.1", as: IPv4Address.self, field: "gateway_v4", code: .invalidIP)
        #expect(cidr == nil && ip != nil)
        #expect(report.errors == [FieldError(field: "cidr_v4", code: .invalidCIDR, message: report.errors[0].message)])
        #expect(throws: ValidationFailure.self) { try report.check() }
        #expect(ValidationCode.invalidCIDR.rawValue == "invalid-cidr")
    }
}
