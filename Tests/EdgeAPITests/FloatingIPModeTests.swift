import Foundation
import Testing

/// A floating IP without `mode` takes its external network's mode (and `stateless` follows).
@Suite struct FloatingIPModeTests {
    @Test func modeDefaultsToTheNetworks() async throws {
        try await APIFixture.run { api in
            try await api.network("dist", cidr: "172.20.0.0/16", gateway: "172.20.0.1", extra: ["mode": "distributed"])
            try await api.network("cent", cidr: "172.21.0.0/16", gateway: "172.21.0.1")
            try await api.eip(network: "dist", ["name": "d1"])
            try await api.eip(network: "dist", ["name": "d2"])
            try await api.eip(network: "dist", ["name": "d3"])
            try await api.eip(network: "cent", ["name": "c1"])

            let before = try api.changeCount()
            let missingPort = try await api.post("/v1/fips", ["eip": "d1", "router": "lr0", "internal_ip": "10.0.0.2"])
            #expect(missingPort.status == 422, "a distributed network's FIP needs its port")
            #expect(missingPort.fieldErrors == ["logical_port:required"])
            #expect(try api.changeCount() == before)

            let inherited = try await api.created(api.post("/v1/fips", ["eip": "d1", "router": "lr0", "internal_ip": "10.0.0.2", "logical_port": "vm1"]))
            #expect(inherited["mode"] as? String == "distributed")
            #expect(inherited["stateless"] as? Bool == true)

            let chosen = try await api.created(api.post("/v1/fips", ["eip": "d2", "router": "lr0", "internal_ip": "10.0.0.3", "mode": "centralized"]))
            #expect(chosen["mode"] as? String == "centralized", "an explicit mode wins")
            #expect(chosen["stateless"] as? Bool == false)

            let keptStateful = try await api.created(api.post("/v1/fips", ["eip": "d3", "router": "lr0", "internal_ip": "10.0.0.4", "logical_port": "vm2", "stateless": false]))
            #expect(keptStateful["mode"] as? String == "distributed")
            #expect(keptStateful["stateless"] as? Bool == false, "an explicit stateless wins")

            let central = try await api.created(api.post("/v1/fips", ["eip": "c1", "router": "lr0", "internal_ip": "10.0.0.5"]))
            #expect(central["mode"] as? String == "centralized")
            #expect(central["stateless"] as? Bool == false)
        }
    }

    @Test func bulkItemsInheritToo() async throws {
        try await APIFixture.run { api in
            try await api.network("dist", cidr: "172.20.0.0/16", gateway: "172.20.0.1", extra: ["mode": "distributed"])
            try await api.eip(network: "dist", ["name": "d1"])
            try await api.eip(network: "dist", ["name": "d2"])
            let reply = try await api.post("/v1/fips:bulk", ["items": [
                ["eip": "d1", "router": "lr0", "internal_ip": "10.0.0.2", "logical_port": "vm1"],
                ["eip": "d2", "router": "lr0", "internal_ip": "10.0.0.3"],
            ]])
            #expect(reply.status == 422)
            #expect(reply.fieldErrors == ["items[1].logical_port:required"])
        }
    }
}
