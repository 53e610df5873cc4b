import Foundation
import Testing

/// The seed's setup through the API, and what each resource kind adds to CRUD.
@Suite struct ResourceTests {
    @Test func seedSetup() async throws {
        try await APIFixture.run { api in
            let network = try await api.network()
            #expect(network["cidr_v4"] as? String == "172.19.0.0/16")
            #expect((network["status"] as? [String: Any])?["phase"] as? String == "pending")
            let eip = try await api.eip(["name": "eip-fip", "ip_v4": "172.19.0.11"])
            #expect(eip["mac"] is String)
            let fip = try await api.created(api.post("/v1/fips", ["eip": "eip-fip", "router": "lr0", "internal_ip": "192.168.0.6"]))
            #expect(fip["external_ip"] as? String == "172.19.0.11")
            #expect(fip["eip"] as? String == eip["id"] as? String, "references are answered with ids")
            try await api.eip(["name": "eip-nat", "ip_v4": "172.19.0.10"])
            let snat = try await api.created(api.post("/v1/snat-rules", ["eip": "eip-nat", "router": "lr0", "internal_cidr": "192.168.0.0/24"]))
            #expect(snat["external_ip"] as? String == "172.19.0.10")
            let dnat = try await api.created(api.post("/v1/dnat-rules", ["eip": "eip-nat", "router": "lr0", "protocol": "tcp", "external_port": 8080, "internal_ip": "192.168.0.3", "internal_port": 80]))
            #expect(dnat["external_port"] as? Int == 8080)
            let mirror = try await api.created(api.post("/v1/mirrors", ["name": "m1", "type": "gre", "index": 99, "filter": "both", "sink": "172.19.0.21"]))
            #expect(mirror["ports"] as? [String] == [])
            let gateway = try await api.created(api.post("/v1/router-gateways", ["router": "lr0", "network": "ext"]))
            #expect(gateway["default_route"] as? Bool == true)

            let used = try await #require(api.get("/v1/eips/eip-nat").json?["used_by"] as? [[String: Any]])
            #expect(Set(used.compactMap { $0["kind"] as? String }) == ["snat-rule", "dnat-rule"])
            let usage = try await #require(api.get("/v1/external-networks/ext/usage").json)
            #expect(usage["eips"] as? Int == 3, "two EIPs plus the gateway's own")
            #expect(usage["router_gateways"] as? Int == 1)
            #expect((usage["v4"] as? [String: Any])?["usable"] as? String == "65533")
        }
    }

    @Test func locationGetAndDelete() async throws {
        try await APIFixture.run { api in
            try await api.network()
            try await api.eip(["name": "pub"])
            let created = try await api.post("/v1/fips", ["eip": "pub", "router": "lr0", "internal_ip": "192.168.0.6"])
            let location = try #require(created.header("Location"))
            #expect(try await api.get(location).json?["internal_ip"] as? String == "192.168.0.6")
            let deleting = try await api.delete(location)
            #expect(deleting.status == 202, "NB rows still have to go")
            #expect((deleting.json?["status"] as? [String: Any])?["phase"] as? String == "deleting")
            #expect(try await api.patch(location, ["stateless": true]).code == "object-deleting")
            #expect(try await api.delete(location + "?wait=0.1").status == 202)
        }
    }

    @Test func eipHistoryAndIPHistory() async throws {
        try await APIFixture.run { api in
            try await api.network()
            let eip = try await api.eip(["name": "pub", "ip_v4": "172.19.0.11"])
            let id = try #require(eip["id"] as? String)
            let fip = try await api.created(api.post("/v1/fips", ["eip": "pub", "router": "lr0", "internal_ip": "192.168.0.6"]))
            let fipID = try #require(fip["id"] as? String)
            #expect(try await api.delete("/v1/fips/\(fipID)").status == 202)
            // The reconciler's part: NB rows gone, object purged.
            try api.store.sync.purge(.floatingIP, id: UUID(uuidString: fipID)!)
            #expect(try await api.delete("/v1/fips/\(fipID)").status == 404, "already purged")
            #expect(try await api.delete("/v1/eips/pub").status == 204)
            let history = try await #require(api.get("/v1/eips/\(id)/history").json?["items"] as? [[String: Any]])
            #expect(history.compactMap { $0["action"] as? String } == ["allocate", "bind", "unbind", "release"])
            let holdings = try await #require(api.get("/v1/ip-history?ip=172.19.0.11&network=ext").json?["items"] as? [[String: Any]])
            #expect(holdings.count == 1)
            #expect(holdings.first?["eip"] as? String == id)
            #expect(holdings.first?["released_at"] is String)
            #expect(try await api.get("/v1/ip-history").fieldErrors == ["ip:required"])
            #expect(try await api.get("/v1/ip-history?ip=1.2.3.4&from=yesterday").fieldErrors == ["from:invalid-value"])
            #expect(try await api.get("/v1/eips/pub/history").status == 404, "a released EIP is found by id only")
        }
    }

    @Test func mirrorPortAttachAndDetach() async throws {
        try await APIFixture.run { api in
            try await api.created(api.post("/v1/mirrors", ["name": "m1", "type": "erspan", "index": 7, "filter": "to-lport", "sink": "172.19.0.21", "ports": ["vm1"]]))
            let attached = try await api.send("PUT", "/v1/mirrors/m1/ports/vm2")
            #expect(attached.status == 200)
            #expect(attached.json?["ports"] as? [String] == ["vm1", "vm2"])
            #expect(try await api.send("PUT", "/v1/mirrors/m1/ports/vm2").json?["revision"] as? Int == 2, "attaching twice changes nothing")
            #expect(try await api.delete("/v1/mirrors/m1/ports/vm1").json?["ports"] as? [String] == ["vm2"])
            #expect(try await api.delete("/v1/mirrors/m1/ports/vm1").status == 404)
            #expect(try await api.send("PUT", "/v1/mirrors/nope/ports/vm1").status == 404)
        }
    }

    @Test func eventsFilter() async throws {
        try await APIFixture.run { api in
            try await api.network()
            try await api.eip()
            let all = try await #require(api.get("/v1/events").json?["items"] as? [[String: Any]])
            #expect(all.compactMap { $0["object_kind"] as? String } == ["external-network", "eip"])
            let eips = try await #require(api.get("/v1/events?object_kind=eip&action=allocate").json?["items"] as? [[String: Any]])
            #expect(eips.count == 1)
            #expect(try await api.get("/v1/events?object_kind=router").status == 400)
            let page = try await #require(api.get("/v1/events?limit=1").json)
            let token = try #require(page["next_page_token"] as? String)
            let second = try await #require(api.get("/v1/events?limit=1&page_token=\(token)").json?["items"] as? [[String: Any]])
            #expect(second.first?["object_kind"] as? String == "eip")
        }
    }

    @Test func operations() async throws {
        try await APIFixture.run { api in
            #expect(try await api.get("/healthz").json?["status"] as? String == "ok")
            let ready = try await api.get("/readyz")
            #expect(ready.status == 503)
            #expect((ready.json?["checks"] as? [String: String])?["reconciler"] == "not running")
            #expect((ready.json?["checks"] as? [String: String])?["database"] == "ok")
            let sync = try await #require(api.get("/v1/sync").json)
            #expect(sync["reconciler_running"] as? Bool == false)
            #expect(sync["pending"] as? Int == 0)
            #expect(sync["deployment"] as? String == (try api.store.deploymentID().uuidString.lowercased()))
            #expect(sync["writer_lock"] is NSNull, "no reconciler, no lock")
            // Counted from the rows: the network and the FIP wait (EIPs are ready when stored).
            try await api.network()
            try await api.eip(["name": "a"])
            #expect(try await api.post("/v1/fips", ["eip": "a", "router": "lr0", "internal_ip": "192.168.0.2"]).status == 201)
            #expect(try await api.get("/v1/sync").json?["pending"] as? Int == 2)
            let spec = try await api.get("/openapi.yaml")
            #expect(spec.header("Content-Type") == "application/yaml")
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("openapi/openapi.yaml")
            #expect(spec.body == Array(try Data(contentsOf: file)), "the binary serves the repository's spec byte for byte")
        }
    }
}
