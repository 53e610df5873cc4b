import Foundation
import Testing

/// One test per validation rule of the API: the status, the problem code and the field named.
@Suite struct ValidationTests {
    @Test func unknownFieldsAndTypes() async throws {
        try await APIFixture.run { api in
            let response = try await api.post("/v1/external-networks", ["name": "ext", "cidr_v4": "172.19.0.0/16", "colour": "red", "mode": 3])
            #expect(response.status == 422)
            #expect(response.code == "validation-failed")
            #expect(Set(response.fieldErrors) == ["colour:unknown-field", "mode:invalid-type"])
            #expect(try await api.raw("POST", "/v1/eips", body: #"{"network":"a","network":"b"}"#).code == "malformed-json")
            #expect(try await api.raw("POST", "/v1/eips", body: "[]").code == "malformed-json")
        }
    }

    @Test func badAddressesCIDRsAndMACs() async throws {
        try await APIFixture.run { api in
            let network = try await api.post("/v1/external-networks", [
                "name": "ext", "cidr_v4": "172.19.0.1/16", "gateway_v4": "172.19.0.300", "cidr_v6": "2001:db8::/200",
                "exclude": ["172.19.0.20..172.19.0.10", "nonsense"],
            ])
            #expect(network.status == 422)
            #expect(Set(network.fieldErrors) == [
                "cidr_v4:invalid-cidr", "gateway_v4:invalid-ip", "cidr_v6:invalid-cidr", "exclude[0]:invalid-range", "exclude[1]:invalid-range",
            ])
            try await api.network()
            #expect(try await api.post("/v1/eips", ["network": "ext", "mac": "zz:00:00:00:00:00"]).fieldErrors == ["mac:invalid-mac"])
            #expect(try await api.post("/v1/eips", ["network": "ext", "mac": "01:00:5e:00:00:01"]).fieldErrors == ["mac:invalid-mac"])
            #expect(try await api.post("/v1/eips", ["network": "ext", "ip_v4": "172.19.0.256"]).fieldErrors == ["ip_v4:invalid-ip"])
        }
    }

    @Test func gatewayOutsideItsCIDR() async throws {
        try await APIFixture.run { api in
            let response = try await api.post("/v1/external-networks", ["name": "ext", "cidr_v4": "172.19.0.0/16", "gateway_v4": "10.0.0.1"])
            #expect(response.fieldErrors == ["gateway_v4:address-outside-network"])
            let missing = try await api.post("/v1/external-networks", ["name": "ext"])
            #expect(missing.fieldErrors == ["cidr_v4:required"])
        }
    }

    @Test func eipAddressOutsideExcludedOrReserved() async throws {
        try await APIFixture.run { api in
            try await api.network(extra: ["exclude": ["172.19.0.2..172.19.0.9"]])
            #expect(try await api.post("/v1/eips", ["network": "ext", "ip_v4": "10.1.1.1"]).fieldErrors == ["ip_v4:address-outside-network"])
            #expect(try await api.post("/v1/eips", ["network": "ext", "ip_v4": "172.19.0.5"]).fieldErrors == ["ip_v4:address-excluded"])
            #expect(try await api.post("/v1/eips", ["network": "ext", "ip_v4": "172.19.0.1"]).fieldErrors == ["ip_v4:address-reserved"])
            #expect(try await api.post("/v1/eips", ["network": "ext", "ip_v6": "2001:db8::5"]).fieldErrors == ["ip_v6:family-mismatch"])
            let next = try await api.eip()
            #expect(next["ip_v4"] as? String == "172.19.0.10", "the next free address skips the exclude list")
            let taken = try await api.post("/v1/eips", ["network": "ext", "ip_v4": "172.19.0.10"])
            #expect(taken.status == 409)
            #expect(taken.code == "ip-in-use")
        }
    }

    @Test func poolExhausted() async throws {
        try await APIFixture.run { api in
            try await api.network("tiny", cidr: "10.9.0.0/30", gateway: "10.9.0.1")
            try await api.eip(network: "tiny")
            let response = try await api.post("/v1/eips", ["network": "tiny"])
            #expect(response.status == 409)
            #expect(response.code == "pool-exhausted")
        }
    }

    @Test func familyMismatchOfInternalAddress() async throws {
        try await APIFixture.run { api in
            try await api.network()
            try await api.eip(["name": "v4only"])
            let fip = try await api.post("/v1/fips", ["eip": "v4only", "router": "lr0", "internal_ip": "fd00::6"])
            #expect(fip.status == 422)
            #expect(fip.fieldErrors == ["internal_ip:family-mismatch"])
            let snat = try await api.post("/v1/snat-rules", ["eip": "v4only", "router": "lr0", "internal_cidr": "fd00::/64"])
            #expect(snat.fieldErrors == ["internal_cidr:family-mismatch"])
        }
    }

    @Test func eipAlreadyUsedByAnotherFIP() async throws {
        try await APIFixture.run { api in
            try await api.network()
            try await api.eip(["name": "pub"])
            try await api.created(api.post("/v1/fips", ["eip": "pub", "router": "lr0", "internal_ip": "192.168.0.6"]))
            let second = try await api.post("/v1/fips", ["eip": "pub", "router": "lr0", "internal_ip": "192.168.0.7"])
            #expect(second.status == 409)
            #expect(second.code == "eip-already-bound")
            #expect(second.fieldErrors == ["eip:eip-already-bound"])
        }
    }

    @Test func dnatPortClashAndBadPortsAndProtocols() async throws {
        try await APIFixture.run { api in
            try await api.network()
            try await api.eip(["name": "pub"])
            let rule: [String: Any] = ["eip": "pub", "router": "lr0", "protocol": "tcp", "external_port": 8080, "internal_ip": "192.168.0.3", "internal_port": 80]
            try await api.created(api.post("/v1/dnat-rules", rule))
            let clash = try await api.post("/v1/dnat-rules", merged(rule, ["internal_ip": "192.168.0.4"]))
            #expect(clash.status == 409)
            #expect(clash.code == "dnat-port-conflict")
            #expect(try await api.post("/v1/dnat-rules", merged(rule, ["protocol": "udp"])).status == 201, "another protocol is no clash")
            let bad = try await api.post("/v1/dnat-rules", merged(rule, ["protocol": "icmp", "external_port": 0, "internal_port": 70000]))
            #expect(Set(bad.fieldErrors) == ["protocol:invalid-protocol", "external_port:invalid-port", "internal_port:invalid-port"])
            #expect(try await api.post("/v1/dnat-rules", merged(rule, ["external_port": "80"])).fieldErrors == ["external_port:invalid-type"])
        }
    }

    @Test func snatDuplicate() async throws {
        try await APIFixture.run { api in
            try await api.network()
            try await api.eip(["name": "pub"])
            let rule = ["eip": "pub", "router": "lr0", "internal_cidr": "192.168.0.0/24"]
            try await api.created(api.post("/v1/snat-rules", rule))
            let again = try await api.post("/v1/snat-rules", rule)
            #expect(again.status == 409)
            #expect(again.code == "snat-duplicate")
            #expect(try await api.post("/v1/snat-rules", ["eip": "pub", "router": "lr0", "internal_cidr": "192.168.0.1/24"]).fieldErrors == ["internal_cidr:invalid-cidr"])
        }
    }

    @Test func mirrorIndexRanges() async throws {
        try await APIFixture.run { api in
            let base: [String: Any] = ["name": "m", "type": "gre", "filter": "both", "sink": "172.19.0.21"]
            let cases: [([String: Any], [String])] = [
                (["index": 4_294_967_296], ["index:out-of-range"]),
                (["index": -1], ["index:out-of-range"]),
                (["type": "erspan", "index": 1024], ["index:out-of-range"]),
                (["type": "vxlan", "index": 1], ["type:invalid-value"]),
            ]
            for (change, expected) in cases {
                let response = try await api.post("/v1/mirrors", merged(base, change))
                #expect(response.fieldErrors == expected)
            }
            let widest = try await api.post("/v1/mirrors", merged(base, ["index": 4_294_967_295]))
            #expect(widest.status == 201)
            let erspan = try await api.post("/v1/mirrors", merged(base, ["name": "e", "type": "erspan", "index": 1023]))
            #expect(erspan.status == 201)
        }
    }

    @Test func patchRefusesImmutableFieldsNamingThem() async throws {
        try await APIFixture.run { api in
            try await api.network()
            try await api.eip(["name": "pub"])
            let eip = try await api.patch("/v1/eips/pub", ["ip_v4": "172.19.0.9", "network": "ext", "labels": ["a": "b"]])
            #expect(eip.status == 422)
            #expect(Set(eip.fieldErrors) == ["ip_v4:immutable-field", "network:immutable-field"])
            try await api.created(api.post("/v1/dnat-rules", ["eip": "pub", "router": "lr0", "protocol": "tcp", "external_port": 8080, "internal_ip": "192.168.0.3", "internal_port": 80, "name": "web"]))
            #expect(try await api.patch("/v1/dnat-rules/web", ["external_port": 9090]).fieldErrors == ["external_port:immutable-field"])
            #expect(try await api.patch("/v1/dnat-rules/web", ["status": ["phase": "ready"]]).fieldErrors == ["status:immutable-field"])
            let moved = try await api.patch("/v1/dnat-rules/web", ["internal_port": 8081])
            #expect(moved.status == 200)
            #expect(moved.json?["internal_port"] as? Int == 8081)
            #expect(moved.json?["revision"] as? Int == 2)
            #expect(try await api.patch("/v1/external-networks/ext", ["cidr_v4": "10.0.0.0/8"]).fieldErrors == ["cidr_v4:immutable-field"])
            #expect(try await api.patch("/v1/mirrors/none", ["index": 1]).status == 404)
        }
    }

    @Test func namesAndLabels() async throws {
        try await APIFixture.run { api in
            try await api.network()
            #expect(try await api.post("/v1/eips", ["network": "ext", "name": "-bad"]).fieldErrors == ["name:invalid-name"])
            #expect(try await api.post("/v1/eips", ["network": "ext", "labels": ["has space": "x"]]).fieldErrors == ["labels.has space:invalid-label"])
            try await api.eip(["name": "pub", "labels": ["a": "1", "b": "2"]])
            let patched = try await api.send("PATCH", "/v1/eips/pub", headers: ["Content-Type": "application/merge-patch+json"],
                                              body: Array(#"{"labels":{"a":null,"c":"3"}}"#.utf8))
            #expect(patched.json?["labels"] as? [String: String] == ["b": "2", "c": "3"])
            #expect(try await api.post("/v1/eips", ["network": "ext", "name": "pub"]).code == "name-taken")
        }
    }
}
