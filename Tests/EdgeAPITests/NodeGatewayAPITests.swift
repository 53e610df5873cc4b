import Foundation
import Testing

/// `/v1/node-gateways` and EIP usages over HTTP (issue 11): the seed's `oeip` listing in one
/// call, the codes of every refusal, filters, and nothing half-written.
@Suite struct NodeGatewayAPITests {
    /// The seed's EIPs: router gateway (lrp), two node gateways (node-ext-gw), FIP, SNAT and
    /// DNAT EIPs; `GET /v1/eips` shows ip, mac, usage and who uses them (with their phases).
    @Test func seedListingInOneCall() async throws {
        try await APIFixture.run { api in
            try await api.network()
            let router = try await api.created(api.post("/v1/router-gateways", ["router": "vpc-75989", "network": "ext", "name": "vpc-75989-external"]))
            try await api.eip(["name": "kube-ovn-worker", "ip_v4": "172.19.0.7", "mac": "00:00:00:02:6a:fb"])
            let worker = try await api.created(api.post("/v1/node-gateways", ["node": "kube-ovn-worker", "network": "ext", "eip": "kube-ovn-worker"]))
            #expect(worker["port"] as? String == "kube-ovn-worker" && worker["mac"] as? String == "00:00:00:02:6a:fb")
            #expect(worker["ip_v4"] as? String == "172.19.0.7" && worker["ip_v6"] is NSNull)
            #expect((worker["status"] as? [String: Any])?["phase"] as? String == "pending")
            let control = try await api.created(api.post("/v1/node-gateways", ["node": "kube-ovn-control-plane", "network": "ext"]))
            try await api.eip(["name": "fip-eip", "ip_v4": "172.19.0.8"])
            try await api.eip(["name": "snat-eip", "ip_v4": "172.19.0.9"])
            try await api.eip(["name": "dnat-eip", "ip_v4": "172.19.0.10"])
            try await api.created(api.post("/v1/fips", ["eip": "fip-eip", "router": "vpc-75989", "internal_ip": "192.168.0.2"]))
            try await api.created(api.post("/v1/snat-rules", ["eip": "snat-eip", "router": "vpc-75989", "internal_cidr": "192.168.0.0/24"]))
            try await api.created(api.post("/v1/dnat-rules", ["eip": "dnat-eip", "router": "vpc-75989", "protocol": "tcp",
                                                              "external_port": 8080, "internal_ip": "192.168.0.3", "internal_port": 80]))

            let items = try #require(try await api.get("/v1/eips").json?["items"] as? [[String: Any]])
            let rows = items.map { item -> String in
                let users = (item["used_by"] as? [[String: Any]] ?? []).map { "\($0["kind"]!):\($0["phase"]!)" }.joined(separator: ",")
                return "\(item["usage"]!) \(users)"
            }
            #expect(rows == ["router-gateway router-gateway:pending", "node-gateway node-gateway:pending", "node-gateway node-gateway:pending",
                             "nat fip:pending", "nat snat-rule:pending", "nat dnat-rule:pending"], "\(rows)")
            #expect(items[0]["id"] as? String == router["eip"] as? String && items[2]["id"] as? String == control["eip"] as? String)
            #expect((items[1]["used_by"] as? [[String: Any]])?.first?["id"] as? String == worker["id"] as? String)

            // Filters on usage and users.
            func names(_ query: String) async throws -> [String] {
                let response = try await api.get("/v1/eips?\(query)")
                return (response.json?["items"] as? [[String: Any]] ?? []).map { $0["mac"] as? String ?? "?" }
            }
            #expect(try await names("usage=node-gateway").count == 2)
            #expect(try await names("usage=nat&used_by=fip").count == 1)
            #expect(try await names("used_by=node-gateway").contains("00:00:00:02:6a:fb"))
            #expect(try await names("used_by=none").isEmpty)
            #expect(try await names("used_by=any").count == 6)
            #expect(try await api.get("/v1/eips?usage=lrp").fieldErrors == ["usage:invalid-value"])
            #expect(try await api.get("/v1/eips?used_by=mirror").fieldErrors == ["used_by:invalid-value"])
            #expect(try await api.get("/v1/node-gateways?usage=nat").fieldErrors == ["usage:unknown-field"])
            let byNode = try await api.get("/v1/node-gateways?node=kube-ovn-worker&network=ext")
            #expect((byNode.json?["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [worker["id"] as? String])

            let usage = try #require(try await api.get("/v1/external-networks/ext/usage").json)
            #expect(usage["node_gateways"] as? Int == 2 && usage["router_gateways"] as? Int == 1 && usage["eips"] as? Int == 6)
        }
    }

    @Test func refusalsHaveStableCodesAndWriteNothing() async throws {
        try await APIFixture.run { api in
            try await api.network()
            try await api.network("other", cidr: "198.51.100.0/24", gateway: "198.51.100.1")
            try await api.created(api.post("/v1/node-gateways", ["node": "worker", "network": "ext"]))
            try await api.eip(["name": "lrp", "usage": "router-gateway"])
            try await api.eip(["name": "nat"])
            try await api.eip(["name": "elsewhere", "network": "other"])
            try await api.created(api.post("/v1/snat-rules", ["eip": "nat", "router": "r1", "internal_cidr": "10.0.0.0/24"]))
            let before = try api.changeCount()

            // NAT on a gateway EIP.
            let nat = try await api.post("/v1/fips", ["eip": "lrp", "router": "r1", "internal_ip": "10.0.0.5"])
            #expect(nat.status == 409 && nat.code == "eip-usage-mismatch" && nat.fieldErrors == ["eip:eip-usage-mismatch"], "\(nat.text)")
            #expect((nat.json?["detail"] as? String)?.contains("router-gateway") == true)
            // A gateway on an EIP of the other gateway usage, on a used one, on another network's.
            #expect(try await api.post("/v1/node-gateways", ["node": "n2", "network": "ext", "eip": "lrp"]).code == "eip-usage-mismatch")
            let bound = try await api.post("/v1/node-gateways", ["node": "n2", "network": "ext", "eip": "nat"])
            #expect(bound.status == 409 && bound.code == "eip-already-bound" && (bound.json?["used_by"] as? [[String: Any]])?.count == 1)
            #expect(try await api.post("/v1/router-gateways", ["router": "r1", "network": "ext", "eip": "nat"]).code == "eip-already-bound")
            #expect(try await api.post("/v1/node-gateways", ["node": "n2", "network": "ext", "eip": "elsewhere"]).fieldErrors == ["eip:invalid-reference"])
            // One per node and network; ports unique.
            let twice = try await api.post("/v1/node-gateways", ["node": "worker", "network": "ext"])
            #expect(twice.status == 409 && twice.code == "node-gateway-exists", "\(twice.text)")
            let port = try await api.post("/v1/node-gateways", ["node": "worker", "network": "other"])
            #expect(port.status == 409 && port.code == "port-taken" && port.fieldErrors == ["port:port-taken"], "\(port.text)")
            // Bad bodies.
            let bad = try await api.post("/v1/node-gateways", ["node": "-bad node", "network": "ext", "port": "x/y", "mac": "00:00:00:00:00:01"])
            #expect(bad.status == 422 && Set(bad.fieldErrors) == ["node:invalid-name", "port:invalid-name", "mac:unknown-field"], "\(bad.fieldErrors)")
            #expect(try await api.post("/v1/node-gateways", ["network": "ext"]).fieldErrors == ["node:required"])
            #expect(try await api.post("/v1/node-gateways", ["node": "n2", "network": "nope"]).code == "reference-not-found")
            #expect(try await api.post("/v1/eips", ["network": "ext", "usage": "lrp"]).fieldErrors == ["usage:invalid-value"])
            #expect(try api.changeCount() == before, "refused requests wrote nothing")
            #expect(try await api.get("/v1/eips?limit=1000").json?["items"].map { ($0 as? [Any])?.count } == 4)

            // The second network works with its own port name.
            let second = try await api.created(api.post("/v1/node-gateways", ["node": "worker", "network": "other", "port": "worker-other"]))
            #expect(second["port"] as? String == "worker-other")
        }
    }

    @Test func usageChangesOnlyWhileUnusedAndGatewaysOnlyRename() async throws {
        try await APIFixture.run { api in
            try await api.network()
            let eip = try await api.eip(["name": "spare"])
            #expect(eip["usage"] as? String == "nat" && (eip["used_by"] as? [Any])?.isEmpty == true)
            let gateway = try await api.created(api.post("/v1/node-gateways", ["node": "worker", "network": "ext", "eip": "spare", "labels": ["rack": "a"]]))
            let taken = try #require(try await api.get("/v1/eips/spare").json)
            #expect(taken["usage"] as? String == "node-gateway" && taken["revision"] as? Int == 2)

            let busy = try await api.patch("/v1/eips/spare", ["usage": "nat"])
            #expect(busy.status == 409 && busy.code == "eip-in-use", "\(busy.text)")
            #expect(try await api.delete("/v1/eips/spare").code == "eip-in-use")
            let id = try #require(gateway["id"] as? String)
            for field in [["node": "other"], ["port": "other"], ["network": "ext"], ["eip": "spare"]] {
                let response = try await api.patch("/v1/node-gateways/\(id)", field)
                #expect(response.status == 422 && response.fieldErrors == ["\(field.keys.first!):immutable-field"], "\(response.text)")
            }
            let renamed = try await api.patch("/v1/node-gateways/\(id)", ["name": "worker-gw", "labels": ["rack": "b"]])
            #expect(renamed.status == 200 && renamed.json?["name"] as? String == "worker-gw")
            #expect(try await api.get("/v1/node-gateways?label.rack=b").json?["items"].map { ($0 as? [Any])?.count } == 1)
            #expect(try await api.get("/v1/node-gateways?phase=ready").json?["items"].map { ($0 as? [Any])?.count } == 0)

            // Deleting: pending for the reconciler; the EIP keeps its usage and can change once free.
            let deleting = try await api.delete("/v1/node-gateways/worker-gw")
            #expect(deleting.status == 202 && (deleting.json?["status"] as? [String: Any])?["phase"] as? String == "deleting")
            try api.store.sync.purge(.nodeGateway, id: UUID(uuidString: id)!)
            let freed = try await api.patch("/v1/eips/spare", ["usage": "nat"])
            #expect(freed.status == 200 && freed.json?["usage"] as? String == "nat")
            #expect(try await api.get("/v1/node-gateways/worker-gw").status == 404)

            // The change log has the node gateway's events, and the EIP's history its binding.
            let events = try #require(try await api.get("/v1/events?limit=1000").json?["items"] as? [[String: Any]])
            let kinds = Set(events.compactMap { $0["object_kind"] as? String })
            #expect(kinds.contains("node-gateway"))
            let history = try #require(try await api.get("/v1/eips/spare/history").json?["items"] as? [[String: Any]])
            #expect(history.compactMap { $0["action"] as? String } == ["allocate", "update", "bind", "unbind", "update"])
            let holdings = try #require(try await api.get("/v1/ip-history?ip=\(eip["ip_v4"] as! String)").json?["items"] as? [[String: Any]])
            let bindings = try #require(holdings.first?["bindings"] as? [[String: Any]])
            #expect(bindings.map { $0["kind"] as? String } == ["node-gateway"] && bindings.first?["id"] as? String == id)
            #expect(bindings.first?["unbound_at"] is String)
        }
    }
}
