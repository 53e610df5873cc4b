import EdgeCore
import EdgeStore
import EdgeSync
import Foundation
import OVNSandbox
import Testing
import TestSupport

/// Node gateways against a real NB (issue 11): the seed's node ports on the external switch,
/// foreign ports of the same name reported, drift repaired, rows removed on delete and as
/// orphans.
@Suite(.serialized) struct NodeGatewaySyncTests {
    /// The seed's `k get oeip`: a router gateway (lrp), two node gateways (node-ext-gw, one given
    /// the seed's address and MAC, one allocated) and FIP, SNAT and DNAT EIPs, then
    /// `ovn-nbctl show`'s node ports.
    @Test func seedNodePortsAreVIFPortsOnTheExternalSwitch() async throws {
        try await withOVN(.northboundOnly) { sandbox in
            let fixture = try DriftAndConflictTests.prepared(sandbox)
            let store = fixture.store
            _ = try store.routerGateways.create(ResourceInput(spec: RouterGatewaySpec(router: "vpc1", network: .name("ext"))), context: .system)
            let workerEIP = try store.eips.create(ResourceInput(name: "kube-ovn-worker", spec: EIPSpec(
                network: .name("ext"), ipV4: IPv4Address("172.19.0.7")!, mac: MACAddress("00:00:00:02:6a:fb")!)), context: .system)
            let worker = try store.nodeGateways.create(ResourceInput(spec: NodeGatewaySpec(node: "kube-ovn-worker", network: .name("ext"), eip: .name("kube-ovn-worker"))), context: .system)
            let controlPlane = try store.nodeGateways.create(ResourceInput(spec: NodeGatewaySpec(node: "kube-ovn-control-plane", network: .name("ext"))), context: .system)
            let controlEIP = try store.eips.get(controlPlane.spec.eip!)
            let fipEIP = try Topology.eip(store, "172.19.0.11")
            _ = try store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .id(fipEIP.id), router: "vpc1", internalIP: IPAddress("192.168.0.2")!)), context: .system)
            fixture.startReconciler()
            fixture.changed()
            #expect(try await fixture.eventually { try store.sync.unsyncedCount() == 0 })

            let show = try fixture.nbctl("show")
            #expect(show.contains("port kube-ovn-worker\n        addresses: [\"00:00:00:02:6a:fb 172.19.0.7\"]"), "\(show)")
            #expect(show.contains("port kube-ovn-control-plane\n        addresses: [\"\(controlEIP.spec.mac!) \(controlEIP.spec.ipV4!)\"]"), "\(show)")
            #expect(try fixture.nbctl("lsp-get-ls", "kube-ovn-worker").contains("(external)"))
            let columns = try fixture.nbctl("--bare", "--columns=_uuid,type,port_security,options", "list", "Logical_Switch_Port", "kube-ovn-worker")
            #expect(columns.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    == [worker.id.uuidString.lowercased()], "a plain VIF port, no port security, no options: \(columns)")
            #expect(try fixture.nbctl("get", "Logical_Switch_Port", "kube-ovn-worker", "external_ids:ovn-edge\\:owner")
                .contains("node-gateway/\(worker.id.uuidString.lowercased())"))
            let taken = try store.eips.get(.id(workerEIP.id))
            #expect(workerEIP.spec.usage == .nat && taken.spec.usage == .nodeGateway)

            // Drift: the port deleted by hand comes back with the same uuid.
            try fixture.nbctl("lsp-del", "kube-ovn-worker")
            #expect(try await fixture.eventually { try fixture.count("Logical_Switch_Port", "name=kube-ovn-worker") == 1 })
            #expect(try fixture.nbctl("--bare", "--columns=_uuid", "list", "Logical_Switch_Port", "kube-ovn-worker").contains(worker.id.uuidString.lowercased()))

            // Delete: the port goes; the allocated EIP is released, the given one stays.
            try store.nodeGateways.delete(.id(controlPlane.id), context: .system)
            try store.nodeGateways.delete(.id(worker.id), context: .system)
            fixture.changed()
            #expect(try await fixture.eventually { try store.nodeGateways.list().items.isEmpty })
            #expect(try fixture.count("Logical_Switch_Port", "name=kube-ovn-worker") == 0)
            #expect(try fixture.count("Logical_Switch_Port", "name=kube-ovn-control-plane") == 0)
            #expect(try store.eips.find(.id(controlEIP.id)) == nil)
            #expect(try store.eips.find(.id(workerEIP.id)) != nil)
            await fixture.stopAll()
        }
    }

    @Test func aForeignPortOfTheSameNameIsReportedAndTheGatewayRecovers() async throws {
        try await withOVN(.northboundOnly) { sandbox in
            let fixture = try DriftAndConflictTests.prepared(sandbox)
            // LSP names are unique in all of NB: a port on another switch is in the way too.
            try fixture.nbctl("lsp-add", "subnet1", "node3")
            let foreign = try fixture.nbctl("--bare", "--columns=_uuid", "list", "Logical_Switch_Port", "node3").trimmingCharacters(in: .whitespacesAndNewlines)
            let gateway = try fixture.store.nodeGateways.create(ResourceInput(spec: NodeGatewaySpec(node: "node3", network: .name("ext"))), context: .system)
            fixture.startReconciler()
            fixture.changed()
            #expect(try await fixture.eventually { try fixture.store.nodeGateways.get(.id(gateway.id)).status.phase == .error })
            let failed = try fixture.store.nodeGateways.get(.id(gateway.id)).status
            #expect(failed.conditions.first?.reason == "ConflictingRow")
            #expect(failed.message?.contains(foreign) == true && failed.message?.contains("not managed by ovn-edge") == true, "\(failed.message ?? "")")
            #expect(try fixture.nbctl("lsp-get-ls", "node3").contains("subnet1"), "the foreign port is left alone")

            try fixture.nbctl("lsp-del", "node3")
            #expect(try await fixture.eventually { try fixture.store.nodeGateways.get(.id(gateway.id)).status.phase == .ready })
            #expect(try fixture.nbctl("lsp-get-ls", "node3").contains("(external)"))
            await fixture.stopAll()
        }
    }

    @Test func portsOfGatewaysNoLongerStoredAreRemoved() async throws {
        try await withOVN(.northboundOnly) { sandbox in
            let fixture = try DriftAndConflictTests.prepared(sandbox)
            let ghost = "node-gateway/\(UUID().uuidString.lowercased())"
            try fixture.nbctl("--", "--id=@p", "create", "Logical_Switch_Port", "name=ghost-node", "addresses=\"02:00:00:00:00:09 172.19.0.99\"",
                              "external_ids:ovn-edge\\:owner=\"\(ghost)\"", try fixture.deploymentStamp(), "--", "add", "Logical_Switch", "external", "ports", "@p")
            let (reconciler, _) = fixture.startReconciler()
            #expect(try await fixture.eventually { try reconciler.state.isReady && fixture.count("Logical_Switch_Port", "name=ghost-node") == 0 })
            #expect(try fixture.ownedRowCount() == 1) // only the network's localnet port
            await fixture.stopAll()
        }
    }
}
