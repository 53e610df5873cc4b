import Foundation
import OVNSandbox
import Testing
import TestSupport

/// The seed's `kubectl get oeip` through the real binary (issue 11): a router gateway EIP (lrp),
/// two node gateway EIPs (node-ext-gw), FIP, SNAT and DNAT EIPs, listed by `GET /v1/eips` and
/// checked against NB with ovn-nbctl; then torn down to the NB it started from.
@Suite(.serialized) struct NodeGatewayWalkthroughTests {
    @Test func seedOEIPListingThroughTheAPIMatchesNB() async throws {
        let service = try await ServiceProcess()
        defer { service.stop() }
        let sandbox = try service.sandbox()
        try SeedWalkthroughTests.buildTopology(sandbox)
        let before = try sandbox.nbctl("show")
        let api = service.client()

        _ = try api.created("/v1/external-networks", [
            "name": "external", "logical_switch": "external", "cidr_v4": "172.19.0.0/16", "gateway_v4": "172.19.0.1",
            "exclude": ["172.19.0.2..172.19.0.3"], "localnet_network": "physnet",
        ])
        let gateway = try api.created("/v1/router-gateways", ["router": "vpc1", "network": "external", "name": "vpc1-external"])
        _ = try api.created("/v1/eips", ["network": "external", "name": "kube-ovn-worker", "ip_v4": "172.19.0.7", "mac": "00:00:00:02:6a:fb"])
        let worker = try api.created("/v1/node-gateways", ["node": "kube-ovn-worker", "network": "external", "eip": "kube-ovn-worker"])
        let control = try api.created("/v1/node-gateways", ["node": "kube-ovn-control-plane", "network": "external"])
        _ = try api.created("/v1/eips", ["network": "external", "name": "fip-eip", "ip_v4": "172.19.0.11"])
        _ = try api.created("/v1/eips", ["network": "external", "name": "snat-eip", "ip_v4": "172.19.0.9"])
        _ = try api.created("/v1/eips", ["network": "external", "name": "dnat-eip", "ip_v4": "172.19.0.10"])
        _ = try api.created("/v1/fips", ["eip": "fip-eip", "router": "vpc1", "internal_ip": "192.168.0.6"])
        _ = try api.created("/v1/snat-rules", ["eip": "snat-eip", "router": "vpc1", "internal_cidr": "192.168.0.0/24"])
        _ = try api.created("/v1/dnat-rules", ["eip": "dnat-eip", "router": "vpc1", "protocol": "tcp", "external_port": 8080,
                                               "internal_ip": "192.168.0.3", "internal_port": 80])

        // The oeip listing in one call: ip, mac, type (usage), users and their readiness.
        let eips = try api.list("/v1/eips")
        struct Line: Equatable { let ip: String; let mac: String; let usage: String; let users: [String] }
        let lines = eips.map { eip in
            Line(ip: eip["ip_v4"] as? String ?? "?", mac: eip["mac"] as? String ?? "?", usage: eip["usage"] as? String ?? "?",
                 users: (eip["used_by"] as? [[String: Any]] ?? []).map { "\($0["kind"]!) \($0["phase"]!)" })
        }
        #expect(lines.map(\.usage) == ["router-gateway", "node-gateway", "node-gateway", "nat", "nat", "nat"])
        #expect(lines.map(\.users) == [["router-gateway ready"], ["node-gateway ready"], ["node-gateway ready"],
                                       ["fip ready"], ["snat-rule ready"], ["dnat-rule ready"]], "\(lines)")
        #expect(lines[1] == Line(ip: "172.19.0.7", mac: "00:00:00:02:6a:fb", usage: "node-gateway", users: ["node-gateway ready"]))

        // Each usage as NB has it: the router port, the node ports, NAT and LB rows.
        let routerEIP = try api.object("/v1/eips/\(gateway["eip"] as! String)")
        let lrp = try sandbox.nbctl("--bare", "--columns=mac,networks", "list", "Logical_Router_Port", "vpc1-external")
        #expect(lrp.contains(routerEIP["mac"] as! String) && lrp.contains("\(routerEIP["ip_v4"] as! String)/16"))
        let show = try sandbox.nbctl("show")
        #expect(show.contains("port kube-ovn-worker\n        addresses: [\"00:00:00:02:6a:fb 172.19.0.7\"]"), "\(show)")
        let controlAddresses = "\(control["mac"] as! String) \(control["ip_v4"] as! String)"
        #expect(show.contains("port kube-ovn-control-plane\n        addresses: [\"\(controlAddresses)\"]"), "\(show)")
        #expect(try sandbox.nbctl("lsp-get-type", "kube-ovn-worker").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(try sandbox.nbctl("lsp-get-port-security", "kube-ovn-worker").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(try sandbox.nbctl("lsp-get-ls", "kube-ovn-control-plane").contains("(external)"))
        let nats = try sandbox.nbctl("lr-nat-list", "vpc1")
        #expect(nats.contains("172.19.0.11") && nats.contains("172.19.0.9"))
        #expect(try sandbox.nbctl("lr-lb-list", "vpc1").contains("172.19.0.10:8080"))

        // A NAT rule on a node gateway's EIP is refused.
        let refused = try api.send("POST", "/v1/fips", json: ["eip": "kube-ovn-worker", "router": "vpc1", "internal_ip": "192.168.0.7"])
        #expect(refused.status == 409 && refused.text.contains("eip-usage-mismatch"), "\(refused.text)")

        // Delete everything: NB is back as it was, the node gateway's own EIP released with it.
        for path in ["/v1/fips", "/v1/snat-rules", "/v1/dnat-rules", "/v1/node-gateways", "/v1/router-gateways", "/v1/eips", "/v1/external-networks"] {
            for item in try api.list(path) {
                let response = try api.send("DELETE", "\(path)/\(item["id"] as! String)?wait=20")
                #expect(response.status == 204, "DELETE \(path): \(response.status) \(response.text)")
            }
        }
        #expect(SeedWalkthroughTests.normalized(try sandbox.nbctl("show")) == SeedWalkthroughTests.normalized(before))
        let holdings = try api.object("/v1/ip-history?ip=\(control["ip_v4"] as! String)")["items"] as? [[String: Any]] ?? []
        let binding = (holdings.first?["bindings"] as? [[String: Any]])?.first
        #expect(binding?["kind"] as? String == "node-gateway" && binding?["id"] as? String == control["id"] as? String, "\(holdings)")
        #expect(worker["port"] as? String == "kube-ovn-worker")
        #expect(service.stop() == 0)
    }
}
