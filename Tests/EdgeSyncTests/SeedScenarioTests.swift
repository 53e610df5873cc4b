import EdgeCore
import EdgeStore
import EdgeSync
import Foundation
import OVNSandbox
import Testing
import TestSupport

/// The seed scenario end to end below the API: objects created in the store, the reconciler
/// writing NB, northd compiling it, and packets traced from the external network.
@Suite(.serialized) struct SeedScenarioTests {
    @Test func gatewayFipsSnatDnatAndMirrorsReachNBFlowsAndTraffic() async throws {
        try await withOVN(.full) { sandbox in
            try Topology.build(sandbox)
            let fixture = try SyncFixture(sandbox: sandbox)
            let before = try fixture.nbctl("show")
            let store = fixture.store
            _ = try Topology.network(store)
            let gateway = try store.routerGateways.create(ResourceInput(spec: RouterGatewaySpec(router: "vpc1", network: .name("ext"))), context: .system)
            let centralEIP = try Topology.eip(store, "172.19.0.11")
            let distEIP = try Topology.eip(store, "172.19.0.12")
            let snatEIP = try Topology.eip(store, "172.19.0.9")
            let dnatEIP = try Topology.eip(store, "172.19.0.10")
            _ = try store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .id(centralEIP.id), router: "vpc1", internalIP: IPAddress("192.168.0.2")!)), context: .system)
            _ = try store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .id(distEIP.id), router: "vpc1", internalIP: IPAddress("192.168.0.3")!,
                                                                         logicalPort: "pod2", mode: .distributed)), context: .system)
            _ = try store.snatRules.create(ResourceInput(spec: SNATRuleSpec(eip: .id(snatEIP.id), router: "vpc1", internalCIDR: IPCIDR("192.168.0.0/24")!)), context: .system)
            _ = try store.dnatRules.create(ResourceInput(spec: DNATRuleSpec(eip: .id(dnatEIP.id), router: "vpc1", protocol: .tcp,
                                                                            externalPort: Port(8000)!, internalIP: IPAddress("192.168.0.2")!, internalPort: Port(80)!)), context: .system)
            _ = try store.mirrors.create(ResourceInput(name: "gre1", spec: MirrorSpec(type: .gre, index: 99, filter: .fromLport, sink: IPAddress("172.19.0.21")!, ports: ["pod1"])), context: .system)
            _ = try store.mirrors.create(ResourceInput(name: "span1", spec: MirrorSpec(type: .erspan, index: 5, filter: .both, sink: IPAddress("172.19.0.22")!, ports: ["pod1", "pod2"])), context: .system)

            let (reconciler, _) = fixture.startReconciler()
            fixture.changed()
            #expect(try await fixture.eventually { try store.sync.unsyncedCount() == 0 })
            // Ready once the pass that wrote those statuses has ended (orphans, counts), a moment
            // after the last status: asking at once raced with it on a loaded box.
            #expect(await fixture.eventually { reconciler.state.isReady })

            // NB rows.
            let gatewayEIP = try store.eips.get(gateway.spec.eip!)
            let lrp = try fixture.nbctl("--bare", "--columns=mac,networks", "list", "Logical_Router_Port", "vpc1-external")
            #expect(lrp.contains(gatewayEIP.spec.mac!.description) && lrp.contains("\(gatewayEIP.spec.ipV4!)/16"))
            #expect(try fixture.nbctl("lrp-get-gateway-chassis", "vpc1-external").contains("vpc1-external-chassis-1   100"))
            #expect(try fixture.nbctl("lsp-get-options", "external-vpc1").contains("router-port=vpc1-external"))
            #expect(try fixture.nbctl("lr-route-list", "vpc1").contains("172.19.0.1"))
            #expect(try fixture.nbctl("lsp-get-type", "ln-external").contains("localnet"))
            let nats = try fixture.nbctl("lr-nat-list", "vpc1")
            #expect(nats.contains("172.19.0.11") && nats.contains("172.19.0.9") && nats.contains("192.168.0.0/24"))
            let distributed = try fixture.nbctl("--bare", "--columns=logical_port,external_mac,options", "find", "NAT", "external_ip=172.19.0.12")
            #expect(distributed.contains("pod2") && distributed.contains(Topology.pod2MAC) && distributed.contains("stateless=true"))
            #expect(try fixture.nbctl("lr-lb-list", "vpc1").contains("172.19.0.10:8000"))
            let mirrors = try fixture.nbctl("mirror-list")
            #expect(mirrors.contains("gre1") && mirrors.contains("span1-from-lport") && mirrors.contains("span1-to-lport"))
            #expect(try fixture.count("Mirror") == 3)
            #expect(try fixture.nbctl("--bare", "--columns=mirror_rules", "list", "Logical_Switch_Port", "pod1").split(separator: " ").count == 3)

            // northd's flows.
            try fixture.nbctl("--wait=sb", "sync")
            let flows = try sandbox.sbctl("lflow-list", "vpc1")
            #expect(flows.contains("ct_dnat(192.168.0.2)") || flows.contains("ct_dnat_in_czone(192.168.0.2)"))
            #expect(flows.contains("ct_snat(172.19.0.11)"))
            #expect(flows.contains("ct_snat(172.19.0.9)"))
            #expect(flows.contains("is_chassis_resident(\"pod2\")"))
            #expect(flows.contains("192.168.0.2:80"))

            // A packet from the external network to each EIP reaches the internal address.
            let lrpMAC = gatewayEIP.spec.mac!.description
            let centralTrace = try trace(sandbox, eip: "172.19.0.11", lrpMAC: lrpMAC)
            #expect(centralTrace.contains("(ip4.dst=192.168.0.2)"))
            #expect(centralTrace.contains("output(\"pod1\")"))
            let distributedTrace = try trace(sandbox, eip: "172.19.0.12", lrpMAC: lrpMAC)
            #expect(distributedTrace.contains("ip4.dst = 192.168.0.3"))
            #expect(distributedTrace.contains("output(\"pod2\")"))
            let dnatTrace = try trace(sandbox, eip: "172.19.0.10", lrpMAC: lrpMAC, extra: " && tcp && tcp.src==40000 && tcp.dst==8000",
                                      options: ["--ct=new", "--lb-dst=192.168.0.2:80"])
            #expect(dnatTrace.contains("output(\"pod1\")"), "\(dnatTrace)")

            // Delete everything: NB is back as it was.
            for fip in try store.fips.list().items { try store.fips.delete(.id(fip.id), context: .system) }
            for rule in try store.snatRules.list().items { try store.snatRules.delete(.id(rule.id), context: .system) }
            for rule in try store.dnatRules.list().items { try store.dnatRules.delete(.id(rule.id), context: .system) }
            for mirror in try store.mirrors.list().items { try store.mirrors.delete(.id(mirror.id), context: .system) }
            try store.routerGateways.delete(.id(gateway.id), context: .system)
            fixture.changed()
            #expect(try await fixture.eventually {
                try store.fips.list().items.isEmpty && store.routerGateways.list().items.isEmpty && store.mirrors.list().items.isEmpty
            })
            for eip in try store.eips.list().items { try store.eips.delete(.id(eip.id), context: .system) }
            try store.networks.delete(.name("ext"), context: .system)
            fixture.changed()
            #expect(try await fixture.eventually { try store.networks.list().items.isEmpty })
            #expect(try fixture.ownedRowCount() == 0)
            #expect(try fixture.count("Mirror") == 0)
            #expect(try fixture.count("Load_Balancer") == 0)
            #expect(try fixture.count("NAT") == 0)
            #expect(try fixture.count("Gateway_Chassis") == 0)
            #expect(try fixture.count("Logical_Router_Static_Route") == 0)
            #expect(try Self.normalized(fixture.nbctl("show")) == Self.normalized(before))
            await fixture.stopAll()
        }
    }

    private func trace(_ sandbox: OVNSandbox, eip: String, lrpMAC: String, extra: String = "", options: [String] = []) throws -> String {
        let flow = "inport==\"ln-external\" && eth.src==02:00:00:00:00:01 && eth.dst==\(lrpMAC) && ip4.src==172.19.0.1 && ip4.dst==\(eip) && ip.ttl==64" + extra
        return try ProcessRunner.run(OVNInstallation.tool("ovn-trace"), ["--db=" + sandbox.sbRemote, "--minimal"] + options + ["external", flow])
    }

    /// `ovn-nbctl show` without uuids (the switch/router uuids are the same; port order is not).
    static func normalized(_ show: String) -> [String] {
        show.split(separator: "\n").map { String($0) }.sorted()
    }
}
