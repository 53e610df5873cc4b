import EdgeCore
import EdgeStore
import Foundation
import OVNSandbox
import Testing
import TestSupport
@testable import EdgeSync
#if canImport(Glibc)
import Glibc
#endif

/// Drift repaired by passes over the objects it concerns, not by full passes (the full-resync
/// interval is an hour here, so `lastFullSyncAt` moving means a full pass ran), and the kept NB
/// view staying equal to the cache through writes, drift and a reconnect.
@Suite(.serialized) struct IncrementalDriftTests {
    static var options: ReconcilerOptions {
        var options = ReconcilerOptions(fullResyncInterval: 3600, driftDebounce: 0.02, retryDelay: 0.2)
        options.auditKeptView = true
        return options
    }

    /// FIPs on vpc1 for these EIP addresses (pod1's IP, centralized), synced.
    static func readyFIPs(_ fixture: SyncFixture, _ reconciler: Reconciler, _ addresses: [String]) async throws -> [FloatingIP] {
        var fips: [FloatingIP] = []
        for (index, address) in addresses.enumerated() {
            let eip = try Topology.eip(fixture.store, address)
            fips.append(try fixture.store.fips.create(ResourceInput(spec: FloatingIPSpec(
                eip: .id(eip.id), router: "vpc1", internalIP: IPAddress("192.168.0.\(20 + index)")!)), context: .system))
        }
        fixture.changed()
        #expect(try await fixture.eventually { try reconciler.state.isReady && fixture.store.sync.unsyncedCount() == 0 })
        return fips
    }

    static func expectAudited(_ reconciler: Reconciler) {
        let audit = reconciler.viewAudit.get()
        #expect(audit.checks > 0)
        #expect(audit.mismatches == 0, "the kept view differed from the cache \(audit.mismatches) of \(audit.checks) times")
    }

    @Test func driftOnOneObjectIsRepairedAloneWithoutAFullPass() async throws {
        try await withOVN(.full) { sandbox in
            let fixture = try DriftAndConflictTests.prepared(sandbox)
            let (reconciler, _) = fixture.startReconciler(options: Self.options)
            let fips = try await Self.readyFIPs(fixture, reconciler, ["172.19.0.21", "172.19.0.22", "172.19.0.23"])
            let fullPass = reconciler.state.lastFullSyncAt
            let transactions = reconciler.state.transactions

            try fixture.nbctl("lr-nat-del", "vpc1", "dnat_and_snat", "172.19.0.22")
            #expect(try await fixture.eventually { try fixture.count("NAT", "external_ip=172.19.0.22") == 1 })
            // Someone else's edit of a managed column of another FIP's row: put back as well.
            try fixture.nbctl("set", "NAT", fips[2].id.uuidString.lowercased(), "logical_ip=192.168.0.99")
            #expect(try await fixture.eventually { try fixture.count("NAT", "external_ip=172.19.0.23", "logical_ip=192.168.0.22") == 1 })

            // The counter moves after the reply, which may come after nbctl already sees the row.
            #expect(await fixture.eventually { reconciler.state.transactions >= transactions + 2 })
            #expect(reconciler.state.transactions == transactions + 2, "one transaction per repair, nothing else written")
            #expect(reconciler.state.lastFullSyncAt == fullPass, "repaired without a full pass")
            #expect(try fixture.count("NAT") == 3)
            Self.expectAudited(reconciler)
            await fixture.stopAll()
        }
    }

    @Test func ownedRowsOfAnObjectGoneFromTheStoreAreRemovedWhenTheyDrift() async throws {
        try await withOVN(.full) { sandbox in
            let fixture = try DriftAndConflictTests.prepared(sandbox)
            let (reconciler, _) = fixture.startReconciler(options: Self.options)
            _ = try await Self.readyFIPs(fixture, reconciler, ["172.19.0.42"])
            let fullPass = reconciler.state.lastFullSyncAt
            // A row of ours whose object is not in the store (a restored or lost database) is an
            // orphan, found once it drifts — here the drift is its arrival. (Deleting and purging
            // a real FIP instead races with the reconciler, which may remove the row first.)
            let ghost = UUID()
            // `create` prints the new row's uuid.
            let orphan = try fixture.nbctl("--", "--id=@n", "create", "NAT", "type=dnat_and_snat", "external_ip=172.19.0.41", "logical_ip=192.168.0.41",
                                           "external_ids:ovn-edge\\:owner=\"fip/\(ghost.uuidString.lowercased())\"", try fixture.deploymentStamp(),
                                           "--", "add", "Logical_Router", "vpc1", "nat", "@n").trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(UUID(uuidString: orphan) != nil, "\(orphan)")
            #expect(try await fixture.eventually { try fixture.count("NAT", "external_ip=172.19.0.41") == 0 })
            #expect(try fixture.count("NAT", "external_ip=172.19.0.42") == 1)
            #expect(!(try fixture.nbctl("--bare", "--columns=nat", "list", "Logical_Router", "vpc1").contains(orphan)))
            #expect(reconciler.state.lastFullSyncAt == fullPass)
            Self.expectAudited(reconciler)
            await fixture.stopAll()
        }
    }

    @Test func aForeignRowClashingWithAReadyFIPIsReportedByADriftPass() async throws {
        try await withOVN(.full) { sandbox in
            let fixture = try DriftAndConflictTests.prepared(sandbox)
            let (reconciler, _) = fixture.startReconciler(options: Self.options)
            let fips = try await Self.readyFIPs(fixture, reconciler, ["172.19.0.31", "172.19.0.32"])
            let fullPass = reconciler.state.lastFullSyncAt
            try fixture.nbctl("--", "--id=@n", "create", "NAT", "type=dnat_and_snat", "external_ip=172.19.0.31", "logical_ip=192.168.0.9",
                              "--", "add", "Logical_Router", "vpc1", "nat", "@n")
            let foreign = try fixture.nbctl("--bare", "--columns=_uuid", "find", "NAT", "logical_ip=192.168.0.9").trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try await fixture.eventually { try fixture.store.fips.get(.id(fips[0].id)).status.phase == .error })
            let status = try fixture.store.fips.get(.id(fips[0].id)).status
            #expect(status.conditions.first?.reason == "ConflictingRow")
            #expect(status.message?.contains(foreign) == true, "\(status.message ?? "")")
            #expect(try fixture.store.fips.get(.id(fips[1].id)).status.phase == .ready)
            #expect(reconciler.state.lastFullSyncAt == fullPass)

            try fixture.nbctl("--", "remove", "Logical_Router", "vpc1", "nat", foreign)
            #expect(try await fixture.eventually { try fixture.store.fips.get(.id(fips[0].id)).status.phase == .ready })
            #expect(reconciler.state.lastFullSyncAt == fullPass)
            Self.expectAudited(reconciler)
            await fixture.stopAll()
        }
    }

    @Test func keptViewMatchesTheCacheThroughWritesDriftAndAReconnect() async throws {
        try await withOVN(.full) { sandbox in
            let fixture = try DriftAndConflictTests.prepared(sandbox)
            let (reconciler, _) = fixture.startReconciler(options: Self.options)
            let fips = try await Self.readyFIPs(fixture, reconciler, (51..<61).map { "172.19.0.\($0)" })
            try fixture.nbctl("lr-nat-del", "vpc1", "dnat_and_snat", "172.19.0.51", "--", "lsp-set-addresses", "pod2", "00:00:00:f2:0d:7c 192.168.0.3")
            _ = try fixture.store.fips.delete(.id(fips[1].id), context: .system)
            fixture.changed()
            #expect(try await fixture.eventually { try fixture.count("NAT") == 9 && fixture.store.sync.unsyncedCount() == 0 })
            let fullPass = reconciler.state.lastFullSyncAt

            // NB goes away and comes back with its database: the reconciler reconnects and
            // runs a full pass; the view it keeps afterwards still matches the cache.
            let pid = try #require(sandbox.status().first { $0.name == "nb" }?.pid)
            kill(pid, SIGKILL)
            #expect(await fixture.eventually { sandbox.status().first { $0.name == "nb" }?.pid == nil })
            try sandbox.start(.full)
            #expect(await fixture.eventually { reconciler.state.lastFullSyncAt != fullPass && reconciler.state.isReady })
            try fixture.nbctl("lr-nat-del", "vpc1", "dnat_and_snat", "172.19.0.53")
            #expect(try await fixture.eventually { try fixture.count("NAT", "external_ip=172.19.0.53") == 1 })
            Self.expectAudited(reconciler)
            await fixture.stopAll()
        }
    }
}
