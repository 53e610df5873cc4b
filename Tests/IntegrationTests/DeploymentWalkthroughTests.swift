import Foundation
import OVNSandbox
import Testing
import TestSupport

/// Two real `ovn-edge serve` deployments (two databases) on one NB, then a third started with an
/// empty database against it, as a staging instance pointed at production by mistake: nobody
/// removes anybody's rows, both first deployments are active at once under their own locks,
/// and a clash is reported by the deployment that came second.
@Suite(.serialized) struct DeploymentWalkthroughTests {
    @Test func deploymentsShareOneNBAndAnEmptyOneRemovesNothing() async throws {
        try await withOVN(.northboundOnly) { sandbox in
            try sandbox.nbctl("ls-add", "external", "--", "lr-add", "vpc1")
            let nb = ["--ovn-nb", sandbox.nbRemote]
            let a = try await ServiceProcess(arguments: nb)
            defer { a.stop() }
            let b = try await ServiceProcess(arguments: nb)
            defer { b.stop() }
            let apiA = a.client(), apiB = b.client()
            for api in [apiA, apiB] {
                _ = try api.created("/v1/external-networks", ["name": "external", "logical_switch": "external",
                                                               "cidr_v4": "172.19.0.0/16", "gateway_v4": "172.19.0.1"])
            }
            _ = try apiA.created("/v1/eips", ["network": "external", "name": "a-eip", "ip_v4": "172.19.0.11"])
            let fipA = try apiA.created("/v1/fips", ["eip": "a-eip", "router": "vpc1", "internal_ip": "192.168.0.6"])
            _ = try apiB.created("/v1/eips", ["network": "external", "name": "b-eip", "ip_v4": "172.19.0.12"])
            _ = try apiB.created("/v1/fips", ["eip": "b-eip", "router": "vpc1", "internal_ip": "192.168.0.7"])

            let syncA = try apiA.object("/v1/sync"), syncB = try apiB.object("/v1/sync")
            let idA = try #require(syncA["deployment"] as? String), idB = try #require(syncB["deployment"] as? String)
            #expect(idA != idB)
            #expect(syncA["writer_lock"] as? String == "ovn_edge_" + idA.replacingOccurrences(of: "-", with: "_"))
            #expect(syncA["caught_up"] as? Bool == true && syncB["caught_up"] as? Bool == true, "both write at once")
            #expect(try sandbox.nbctl("--bare", "--columns=external_ids", "find", "NAT", "external_ip=172.19.0.11").contains(idA))
            #expect(try sandbox.nbctl("--bare", "--columns=external_ids", "find", "NAT", "external_ip=172.19.0.12").contains(idB))

            // b asks for a's address on the same router: b's FIP fails naming a's row.
            _ = try apiB.created("/v1/eips", ["network": "external", "name": "b-eip2", "ip_v4": "172.19.0.11"])
            let clash = try apiB.send("POST", "/v1/fips?wait=20", json: ["eip": "b-eip2", "router": "vpc1", "internal_ip": "192.168.0.8"])
            let status = try #require(clash.json?["status"] as? [String: Any])
            #expect(status["phase"] as? String == "error")
            let message = status["message"] as? String ?? ""
            #expect(message.contains("NAT row \(fipA["id"] as? String ?? "?")") && message.contains("deployment \(idA)"), "\(message)")

            // A deployment with an empty database on the same NB: its first full pass (orphan
            // removal included) is done once it is ready, and every row is still there.
            let c = try await ServiceProcess(arguments: nb)
            defer { c.stop() }
            try await waitUntil(timeout: 30) { (try? c.anonymousClient().send("GET", "/readyz").status) == 200 }
            #expect(try sandbox.nbctl("--bare", "--columns=external_ip", "list", "NAT").split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.sorted() == ["172.19.0.11", "172.19.0.12"])
            #expect(try apiA.object("/v1/fips/\(fipA["id"] as? String ?? "?")")["status"].flatMap { ($0 as? [String: Any])?["phase"] as? String } == "ready")
        }
    }
}
