import EdgeCore
import EdgeStore
import EdgeSync
import Foundation
import OVNSandbox
import Testing
import TestSupport

/// NB changed behind ovn-edge's back: owned rows restored, foreign rows respected (the object
/// reports them and recovers once they are gone), orphans removed.
@Suite(.serialized) struct DriftAndConflictTests {
    @Test func ownedNATDeletedByHandIsRestored() async throws {
        try await withOVN(.full) { sandbox in
            let fixture = try Self.prepared(sandbox)
            let eip = try Topology.eip(fixture.store, "172.19.0.11")
            let fip = try fixture.store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .id(eip.id), router: "vpc1", internalIP: IPAddress("192.168.0.2")!)), context: .system)
            let (reconciler, _) = fixture.startReconciler()
            fixture.changed()
            #expect(try await fixture.eventually { try fixture.store.sync.unsyncedCount() == 0 })
            let transactions = reconciler.state.transactions
            try fixture.nbctl("lr-nat-del", "vpc1", "dnat_and_snat", "172.19.0.11")
            #expect(try await fixture.eventually { try fixture.count("NAT", "external_ip=172.19.0.11") == 1 })
            let uuid = try fixture.nbctl("--bare", "--columns=_uuid", "find", "NAT", "external_ip=172.19.0.11")
            #expect(uuid.trimmingCharacters(in: .whitespacesAndNewlines) == fip.id.uuidString.lowercased())
            #expect(await fixture.eventually { reconciler.state.transactions > transactions }, "the repair was our transaction")
            await fixture.stopAll()
        }
    }

    @Test func foreignConflictingNATIsReportedAndTheObjectRecovers() async throws {
        try await withOVN(.full) { sandbox in
            let fixture = try Self.prepared(sandbox)
            try fixture.nbctl("lr-nat-add", "vpc1", "dnat_and_snat", "172.19.0.13", "192.168.0.5")
            let foreign = try fixture.nbctl("--bare", "--columns=_uuid", "find", "NAT", "external_ip=172.19.0.13").trimmingCharacters(in: .whitespacesAndNewlines)
            let eip = try Topology.eip(fixture.store, "172.19.0.13")
            let fip = try fixture.store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .id(eip.id), router: "vpc1", internalIP: IPAddress("192.168.0.2")!)), context: .system)
            fixture.startReconciler()
            fixture.changed()
            #expect(try await fixture.eventually { try fixture.store.fips.get(.id(fip.id)).status.phase == .error })
            let failed = try fixture.store.fips.get(.id(fip.id)).status
            #expect(failed.message?.contains(foreign) == true, "\(failed.message ?? "")")
            #expect(failed.conditions.first?.reason == "ConflictingRow")
            #expect(try fixture.count("NAT", "external_ip=172.19.0.13") == 1) // the foreign row is left alone

            try fixture.nbctl("lr-nat-del", "vpc1", "dnat_and_snat", "172.19.0.13")
            #expect(try await fixture.eventually { try fixture.store.fips.get(.id(fip.id)).status.phase == .ready })
            #expect(try fixture.nbctl("lr-nat-list", "vpc1").contains("192.168.0.2"))
            await fixture.stopAll()
        }
    }

    @Test func missingRouterAndPortRecoverWhenNBGetsThem() async throws {
        try await withOVN(.full) { sandbox in
            let fixture = try Self.prepared(sandbox)
            let eip = try Topology.eip(fixture.store, "172.19.0.14")
            let fip = try fixture.store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .id(eip.id), router: "vpc2", internalIP: IPAddress("10.0.0.5")!)), context: .system)
            let mirror = try fixture.store.mirrors.create(ResourceInput(name: "m1", spec: MirrorSpec(type: .gre, index: 7, filter: .toLport, sink: IPAddress("172.19.0.30")!, ports: ["pod9"])), context: .system)
            fixture.startReconciler()
            fixture.changed()
            #expect(try await fixture.eventually {
                try fixture.store.fips.get(.id(fip.id)).status.phase == .error && fixture.store.mirrors.get(.id(mirror.id)).status.phase == .error
            })
            #expect(try fixture.store.fips.get(.id(fip.id)).status.message == "logical router vpc2 not found in NB")
            #expect(try fixture.store.mirrors.get(.id(mirror.id)).status.message == "logical switch port pod9 not found in NB")
            try fixture.nbctl("lr-add", "vpc2", "--", "lsp-add", "subnet1", "pod9")
            #expect(try await fixture.eventually { try fixture.store.sync.unsyncedCount() == 0 })
            #expect(try fixture.nbctl("--bare", "--columns=mirror_rules", "list", "Logical_Switch_Port", "pod9").contains(mirror.id.uuidString.lowercased()))
            await fixture.stopAll()
        }
    }

    @Test func orphanRowsAreRemovedAndForeignRowsKept() async throws {
        try await withOVN(.full) { sandbox in
            let fixture = try Self.prepared(sandbox)
            let ghost = "snat-rule/\(UUID().uuidString.lowercased())"
            try fixture.nbctl("--", "--id=@n", "create", "NAT", "type=snat", "external_ip=172.19.0.50", "logical_ip=10.9.0.0/24",
                              "external_ids:ovn-edge\\:owner=\"\(ghost)\"", try fixture.deploymentStamp(), "--", "add", "Logical_Router", "vpc1", "nat", "@n")
            try fixture.nbctl("--", "--id=@l", "create", "Load_Balancer", "name=ghost", "vips:\"172.19.0.51:80\"=\"10.9.0.2:80\"",
                              "external_ids:ovn-edge\\:owner=\"dnat-rule/\(UUID().uuidString.lowercased())\"", try fixture.deploymentStamp(),
                              "--", "add", "Logical_Router", "vpc1", "load_balancer", "@l")
            try fixture.nbctl("lr-nat-add", "vpc1", "snat", "172.19.0.52", "10.8.0.0/24") // foreign: stays
            let (reconciler, _) = fixture.startReconciler()
            #expect(try await fixture.eventually { try reconciler.state.isReady && fixture.ownedRowCount() == 1 }) // only the network's localnet port
            #expect(try fixture.count("NAT") == 1)
            #expect(try fixture.count("Load_Balancer") == 0)
            await fixture.stopAll()
        }
    }

    /// Topology plus the `ext` network, synced.
    static func prepared(_ sandbox: OVNSandbox) throws -> SyncFixture {
        try Topology.build(sandbox)
        let fixture = try SyncFixture(sandbox: sandbox)
        _ = try Topology.network(fixture.store)
        return fixture
    }
}
