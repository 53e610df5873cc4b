import Foundation
import OVNSandbox
import Testing
import TestSupport

/// The seed's setup through the real binary: HTTP API → SQLite → reconciler → NB → northd,
/// checked with ovn-nbctl, ovn-sbctl lflow-list and ovn-trace, then torn down to the NB it
/// started from.
@Suite(.serialized) struct SeedWalkthroughTests {
    static let routerMAC = "00:00:00:91:cc:aa"
    static let busyboxMAC = "00:00:00:de:cb:07"
    static let webMAC = "00:00:00:f2:0d:7b"

    /// Router `vpc1` with subnet 192.168.0.0/24 on switch `subnet1`, pods at .6 (FIP) and .3
    /// (DNAT backend), and the `external` switch the network refers to.
    static func buildTopology(_ sandbox: OVNSandbox) throws {
        try sandbox.nbctl(arguments: [
            "ls-add", "external", "--", "ls-add", "subnet1", "--", "lr-add", "vpc1",
            "--", "lrp-add", "vpc1", "vpc1-subnet1", routerMAC, "192.168.0.1/24",
            "--", "lsp-add", "subnet1", "subnet1-vpc1", "--", "lsp-set-type", "subnet1-vpc1", "router",
            "--", "lsp-set-addresses", "subnet1-vpc1", "router", "--", "lsp-set-options", "subnet1-vpc1", "router-port=vpc1-subnet1",
            "--", "lsp-add", "subnet1", "fip-busybox01", "--", "lsp-set-addresses", "fip-busybox01", "\(busyboxMAC) 192.168.0.6",
            "--", "lsp-add", "subnet1", "web", "--", "lsp-set-addresses", "web", "\(webMAC) 192.168.0.3",
        ])
    }

    @Test func seedSetupReachesNBFlowsAndTrafficAndTearsDownClean() async throws {
        let service = try await ServiceProcess()
        defer { service.stop() }
        let sandbox = try service.sandbox()
        try Self.buildTopology(sandbox)
        let before = try sandbox.nbctl("show")
        // The real auth path: the first start's admin token file, and nothing without it.
        #expect(service.adminToken?.hasPrefix("oe_") == true)
        #expect(try service.anonymousClient().send("GET", "/v1/eips").status == 401)
        let api = service.client()

        let network = try api.created("/v1/external-networks", [
            "name": "external", "logical_switch": "external", "cidr_v4": "172.19.0.0/16", "gateway_v4": "172.19.0.1",
            "exclude": ["172.19.0.2..172.19.0.3"], "gateway_chassis": ["chassis-a", "chassis-b"], "localnet_network": "physnet",
        ])
        let gateway = try api.created("/v1/router-gateways", ["router": "vpc1", "network": "external"])
        let gatewayEIP = try api.object("/v1/eips/\(gateway["eip"] as! String)")
        let fipEIP = try api.created("/v1/eips", ["network": "external", "ip_v4": "172.19.0.11", "name": "oeip-busybox01"])
        let snatEIP = try api.created("/v1/eips", ["network": "external", "ip_v4": "172.19.0.9"])
        let dnatEIP = try api.created("/v1/eips", ["network": "external", "ip_v4": "172.19.0.10"])
        let fip = try api.created("/v1/fips", ["eip": "oeip-busybox01", "router": "vpc1", "internal_ip": "192.168.0.6"])
        _ = try api.created("/v1/snat-rules", ["eip": snatEIP["id"]!, "router": "vpc1", "internal_cidr": "192.168.0.0/24"])
        _ = try api.created("/v1/dnat-rules", ["eip": dnatEIP["id"]!, "router": "vpc1", "protocol": "tcp", "external_port": 8080,
                                               "internal_ip": "192.168.0.3", "internal_port": 80])
        _ = try api.created("/v1/mirrors", ["name": "mirror1", "type": "gre", "index": 99, "filter": "from-lport",
                                            "sink": "172.19.0.21", "ports": ["web"]])
        #expect(network["id"] != nil)

        // NB rows, as the seed lists them.
        let lrp = try sandbox.nbctl("--bare", "--columns=mac,networks", "list", "Logical_Router_Port", "vpc1-external")
        #expect(lrp.contains(gatewayEIP["mac"] as! String) && lrp.contains("\(gatewayEIP["ip_v4"] as! String)/16"))
        let nats = try sandbox.nbctl("lr-nat-list", "vpc1")
        #expect(nats.contains("172.19.0.11") && nats.contains("192.168.0.6"))
        #expect(nats.contains("172.19.0.9") && nats.contains("192.168.0.0/24"))
        let lbs = try sandbox.nbctl("lr-lb-list", "vpc1")
        #expect(lbs.contains("172.19.0.10:8080") && lbs.contains("192.168.0.3:80") && lbs.contains("tcp"))
        let mirror = try sandbox.nbctl("--bare", "--columns=type,index,filter,sink", "find", "Mirror", "name=mirror1")
        #expect(mirror.contains("gre") && mirror.contains("99") && mirror.contains("from-lport") && mirror.contains("172.19.0.21"))
        #expect(try !sandbox.nbctl("--bare", "--columns=mirror_rules", "list", "Logical_Switch_Port", "web").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(try sandbox.nbctl("lr-route-list", "vpc1").contains("172.19.0.1"))

        // northd's flows and a packet from the external network to the FIP.
        try sandbox.nbctl("--wait=sb", "sync")
        let flows = try sandbox.sbctl("lflow-list", "vpc1")
        #expect(flows.contains("ct_dnat(192.168.0.6)") || flows.contains("ct_dnat_in_czone(192.168.0.6)"))
        #expect(flows.contains("ct_snat(172.19.0.9)"))
        let packet = "inport==\"ln-external\" && eth.src==02:00:00:00:00:01 && eth.dst==\(gatewayEIP["mac"] as! String) && "
            + "ip4.src==172.19.0.1 && ip4.dst==172.19.0.11 && ip.ttl==64"
        let trace = try ProcessRunner.run(OVNInstallation.tool("ovn-trace"), ["--db=" + sandbox.sbRemote, "--minimal", "external", packet])
        #expect(trace.contains("output(\"fip-busybox01\")"), "\(trace)")

        // Drift: an owned NAT deleted behind our back comes back.
        let natUUID = try sandbox.nbctl("--bare", "--columns=_uuid", "find", "NAT", "external_ip=172.19.0.11").trimmingCharacters(in: .whitespacesAndNewlines)
        try sandbox.nbctl("lr-nat-del", "vpc1", "dnat_and_snat", "172.19.0.11")
        try await waitUntil(timeout: 10) { try sandbox.nbctl("lr-nat-list", "vpc1").contains("172.19.0.11") }
        #expect(try sandbox.nbctl("--bare", "--columns=_uuid", "find", "NAT", "external_ip=172.19.0.11").contains(natUUID))

        // Who held 172.19.0.11, and what happened to its EIP.
        let history = try api.object("/v1/eips/\(fipEIP["id"] as! String)/history")
        let actions = (history["items"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
        #expect(actions.contains("allocate") && actions.contains("bind"), "\(actions)")
        #expect((history["items"] as? [[String: Any]])?.first?["actor"] as? String == "admin")

        #expect(try api.send("GET", "/readyz").status == 200)

        // Delete everything through the API: NB is back as it was.
        for path in ["/v1/fips", "/v1/snat-rules", "/v1/dnat-rules", "/v1/mirrors", "/v1/router-gateways", "/v1/eips", "/v1/external-networks"] {
            for item in try api.list(path) {
                let response = try api.send("DELETE", "\(path)/\(item["id"] as! String)?wait=20")
                #expect(response.status == 204, "DELETE \(path): \(response.status) \(response.text)")
            }
        }
        #expect(Self.normalized(try sandbox.nbctl("show")) == Self.normalized(before))
        for table in ["NAT", "Load_Balancer", "Mirror", "Gateway_Chassis", "Logical_Router_Static_Route"] {
            #expect(try sandbox.nbctl("--bare", "--columns=_uuid", "list", table).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(table)")
        }
        let holdings = try api.object("/v1/ip-history?network=\(network["id"] as! String)&ip=172.19.0.11")
        let intervals = holdings["items"] as? [[String: Any]] ?? []
        #expect(intervals.count == 1 && !(intervals.first?["released_at"] is NSNull), "\(intervals)")
        // The released EIP's history is still served by id, now ending in unbind + release.
        let finalHistory = try api.object("/v1/eips/\(fipEIP["id"] as! String)/history")
        let finalActions = (finalHistory["items"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
        #expect(finalActions.contains("unbind") && finalActions.last == "release", "\(finalActions)")
        #expect(fip["external_ip"] as? String == "172.19.0.11")

        #expect(service.stop() == 0)
        #expect(sandbox.status().allSatisfy { !$0.running })
    }

    static func normalized(_ show: String) -> [String] { show.split(separator: "\n").map(String.init).sorted() }
}

extension HTTPTestClient {
    /// POSTs with `?wait=` and expects a 201 with the object ready.
    func created(_ path: String, _ body: [String: Any]) throws -> [String: Any] {
        let response = try send("POST", path + "?wait=20", json: body)
        guard response.status == 201, let object = response.json else {
            throw Failure(description: "POST \(path) → \(response.status): \(response.text)")
        }
        if let status = object["status"] as? [String: Any], let phase = status["phase"] as? String, phase != "ready" {
            throw Failure(description: "POST \(path) → phase \(phase): \(status)")
        }
        return object
    }

    func object(_ path: String) throws -> [String: Any] {
        let response = try send("GET", path)
        guard response.status == 200, let object = response.json else {
            throw Failure(description: "GET \(path) → \(response.status): \(response.text)")
        }
        return object
    }

    func list(_ path: String) throws -> [[String: Any]] {
        try object(path + "?limit=1000")["items"] as? [[String: Any]] ?? []
    }
}
