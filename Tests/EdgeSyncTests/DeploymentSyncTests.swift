import EdgeCore
import EdgeStore
import EdgeSync
import Foundation
import OVNSandbox
import Testing
import TestSupport

/// Several ovn-edge deployments (each with its own database) on one NB: each stamps its rows
/// with its deployment id, writes under its own lock, never removes the other's rows as
/// orphans and reports the other's rows that are in its way. Rows of releases before
/// deployments (legacy) are adopted when their object is ours and otherwise left alone.
@Suite(.serialized) struct DeploymentSyncTests {
    /// Full passes every 0.3 s, so that orphan removal runs many times while both write.
    static let options = ReconcilerOptions(fullResyncInterval: 0.3, driftDebounce: 0.05, retryDelay: 0.2)

    @Test func twoDeploymentsShareOneNBWithoutRemovingEachOthersRows() async throws {
        try await withOVN(.northboundOnly) { sandbox in
            let a = try DriftAndConflictTests.prepared(sandbox)
            let b = try SyncFixture(sandbox: sandbox)
            _ = try Self.networkWithoutLocalnet(b.store) // the localnet port is a's
            let aID = try a.store.deploymentID().uuidString.lowercased(), bID = try b.store.deploymentID().uuidString.lowercased()
            #expect(aID != bID)

            let gateway = try a.store.routerGateways.create(ResourceInput(spec: RouterGatewaySpec(router: "vpc1", network: .name("ext"))), context: .system)
            let aFIP = try Self.fip(a.store, "172.19.0.20", "192.168.0.2")
            let bFIP = try Self.fip(b.store, "172.19.0.21", "192.168.0.3")
            let bSNAT = try b.store.snatRules.create(ResourceInput(spec: SNATRuleSpec(
                eip: .id(try Topology.eip(b.store, "172.19.0.22").id), router: "vpc1", internalCIDR: IPCIDR("10.7.0.0/24")!)), context: .system)
            let bNode = try b.store.nodeGateways.create(ResourceInput(spec: NodeGatewaySpec(node: "worker-b", network: .name("ext"))), context: .system)

            let (ra, _) = a.startReconciler(options: Self.options)
            let (rb, _) = b.startReconciler(options: Self.options)
            a.changed()
            b.changed()
            // Different deployments, different locks: both write at once.
            #expect(await a.eventually { ra.state.isReady && rb.state.isReady })
            #expect(ra.state.lockName == "ovn_edge_" + aID.replacingOccurrences(of: "-", with: "_"))
            #expect(ra.state.lockName != rb.state.lockName && ra.state.role == .active && rb.state.role == .active)
            #expect(ra.state.deployment == aID && rb.state.deployment == bID)
            #expect(try await a.eventually { try a.store.sync.unsyncedCount() == 0 && b.store.sync.unsyncedCount() == 0 })

            // Both have run full passes (orphan removal included) since all rows exist: nothing
            // of the other's is gone.
            try await Self.fullPassesAfterNow(a, ra, rb)
            #expect(try a.nbctl("get", "NAT", Self.text(aFIP.id), "external_ids:ovn-edge\\:deployment").contains(aID))
            #expect(try a.nbctl("get", "Logical_Router_Port", Self.text(gateway.id), "external_ids:ovn-edge\\:deployment").contains(aID))
            #expect(try a.nbctl("get", "NAT", Self.text(bFIP.id), "external_ids:ovn-edge\\:deployment").contains(bID))
            #expect(try a.nbctl("get", "NAT", Self.text(bSNAT.id), "external_ids:ovn-edge\\:deployment").contains(bID))
            #expect(try a.nbctl("get", "Logical_Switch_Port", Self.text(bNode.id), "external_ids:ovn-edge\\:deployment").contains(bID))
            #expect(try a.count("NAT") == 3)
            #expect(try a.store.sync.unsyncedCount() == 0 && b.store.sync.unsyncedCount() == 0)

            // A conflict between them: b's FIP on a's external IP goes to error naming a's row.
            let clash = try Self.fip(b.store, "172.19.0.20", "192.168.0.4")
            b.changed()
            #expect(try await b.eventually { try b.store.fips.get(.id(clash.id)).status.phase == .error })
            let status = try b.store.fips.get(.id(clash.id)).status
            #expect(status.conditions.first?.reason == "ConflictingRow")
            #expect(status.message?.contains("conflicts with NAT row \(Self.text(aFIP.id))") == true, "\(status.message ?? "")")
            #expect(status.message?.contains("of ovn-edge deployment \(aID)") == true, "\(status.message ?? "")")
            #expect(try a.store.fips.get(.id(aFIP.id)).status.phase == .ready)
            #expect(try a.count("NAT", "external_ip=172.19.0.20") == 1)

            // a gives the address up: b's FIP gets it.
            _ = try a.store.fips.delete(.id(aFIP.id), context: .system)
            a.changed()
            #expect(try await b.eventually { try b.store.fips.get(.id(clash.id)).status.phase == .ready })
            #expect(try a.nbctl("get", "NAT", Self.text(clash.id), "external_ids:ovn-edge\\:deployment").contains(bID))
            #expect(try a.count("NAT", "external_ip=172.19.0.20") == 1)
            await a.stopAll()
            await b.stopAll()
        }
    }

    /// Rows an older ovn-edge wrote (owner key, no deployment key): those of our objects are
    /// stamped in place (same uuid, one transaction), then a restart changes nothing; those of
    /// objects we do not have stay, unless `adoptLegacyRows`; rows of another deployment stay
    /// even then.
    @Test func legacyRowsAreAdoptedAndStampedNotDeleted() async throws {
        try await withOVN(.northboundOnly) { sandbox in
            let fixture = try DriftAndConflictTests.prepared(sandbox)
            let store = fixture.store
            let ours = try Self.fip(store, "172.19.0.30", "192.168.0.2")
            let (first, firstTask) = fixture.startReconciler(options: Self.options)
            fixture.changed()
            #expect(try await fixture.eventually { try first.state.isReady && store.fips.get(.id(ours.id)).status.phase == .ready })
            firstTask.cancel()
            await firstTask.value

            // What an ovn-edge without deployments left behind: our FIP's row unstamped, the
            // row of an object we never had, and a row another deployment stamped.
            try fixture.nbctl("remove", "NAT", Self.text(ours.id), "external_ids", "\"ovn-edge:deployment\"")
            let legacyGhost = "snat-rule/\(Self.text(UUID()))"
            try fixture.nbctl("--", "--id=@n", "create", "NAT", "type=snat", "external_ip=172.19.0.31", "logical_ip=10.9.0.0/24",
                              "external_ids:ovn-edge\\:owner=\"\(legacyGhost)\"", "--", "add", "Logical_Router", "vpc1", "nat", "@n")
            try fixture.nbctl("--", "--id=@n", "create", "NAT", "type=snat", "external_ip=172.19.0.32", "logical_ip=10.9.1.0/24",
                              "external_ids:ovn-edge\\:owner=\"snat-rule/\(Self.text(UUID()))\"",
                              "external_ids:ovn-edge\\:deployment=\"\(Self.text(UUID()))\"", "--", "add", "Logical_Router", "vpc1", "nat", "@n")
            let ownGhost = "snat-rule/\(Self.text(UUID()))"
            try fixture.nbctl("--", "--id=@n", "create", "NAT", "type=snat", "external_ip=172.19.0.33", "logical_ip=10.9.2.0/24",
                              "external_ids:ovn-edge\\:owner=\"\(ownGhost)\"", try fixture.deploymentStamp(),
                              "--", "add", "Logical_Router", "vpc1", "nat", "@n")
            #expect(try fixture.nbctl("get", "NAT", Self.text(ours.id), "external_ids").contains("deployment") == false)

            let (second, secondTask) = fixture.startReconciler(options: Self.options)
            #expect(await fixture.eventually { second.state.isReady })
            let deployment = try store.deploymentID().uuidString.lowercased()
            #expect(try await fixture.eventually {
                try fixture.nbctl("get", "NAT", Self.text(ours.id), "external_ids:ovn-edge\\:deployment").contains(deployment)
            })
            try await Self.fullPassesAfterNow(fixture, second)
            #expect(try fixture.count("NAT", "external_ip=172.19.0.30") == 1) // stamped in place, not replaced
            #expect(try fixture.count("NAT", "external_ip=172.19.0.31") == 1) // legacy, not ours: kept
            #expect(try fixture.count("NAT", "external_ip=172.19.0.32") == 1) // another deployment's: kept
            #expect(try fixture.count("NAT", "external_ip=172.19.0.33") == 0) // our own orphan: removed
            #expect(try store.fips.get(.id(ours.id)).status.phase == .ready)
            secondTask.cancel()
            await secondTask.value

            // Stamped once: a restart makes no NB change at all.
            let (third, thirdTask) = fixture.startReconciler(options: Self.options)
            #expect(await fixture.eventually { third.state.isReady })
            try await Self.fullPassesAfterNow(fixture, third)
            #expect(third.state.transactions == 0)
            thirdTask.cancel()
            await thirdTask.value

            // An operator who knows this NB had only this deployment adopts the legacy rows.
            var adopting = Self.options
            adopting.adoptLegacyRows = true
            let (fourth, _) = fixture.startReconciler(options: adopting)
            #expect(try await fixture.eventually { try fourth.state.isReady && fixture.count("NAT", "external_ip=172.19.0.31") == 0 })
            try await Self.fullPassesAfterNow(fixture, fourth)
            #expect(try fixture.count("NAT", "external_ip=172.19.0.32") == 1) // another deployment's: still kept
            #expect(try fixture.count("NAT", "external_ip=172.19.0.30") == 1)
            await fixture.stopAll()
        }
    }

    /// Replicas of one deployment (one database) share its lock: one writes, the other waits.
    @Test func replicasOfOneDeploymentShareTheLock() async throws {
        try await withOVN(.northboundOnly) { sandbox in
            let fixture = try DriftAndConflictTests.prepared(sandbox)
            let (active, _) = fixture.startReconciler(options: Self.options)
            #expect(await fixture.eventually { active.state.isReady })
            let (replica, _) = fixture.startReconciler(options: Self.options, signals: StoreSignals())
            #expect(await fixture.eventually { replica.state.role == .standby })
            #expect(replica.state.lockName == active.state.lockName && !replica.state.holdsWriterLock)
            await fixture.stopAll()
        }
    }

    // MARK: - Helpers

    static func fip(_ store: Store, _ external: String, _ inside: String) throws -> FloatingIP {
        let eip = try Topology.eip(store, external)
        return try store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .id(eip.id), router: "vpc1", internalIP: IPAddress(inside)!)), context: .system)
    }

    /// The `ext` network on the existing `external` switch, without a localnet port.
    static func networkWithoutLocalnet(_ store: Store) throws -> ExternalNetwork {
        try store.networks.create(ResourceInput(name: "ext", spec: ExternalNetworkSpec(
            logicalSwitch: "external", cidrV4: IPv4CIDR("172.19.0.0/16")!, gatewayV4: IPv4Address("172.19.0.1")!,
            exclude: [], gatewayChassis: ["chassis-1"])), context: .system)
    }

    static func text(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// Waits until every reconciler has run a full pass that started after now: the one after
    /// the first pass to end after now (passes run one after the other).
    static func fullPassesAfterNow(_ fixture: SyncFixture, _ reconcilers: Reconciler...) async throws {
        for reconciler in reconcilers {
            let mark = Date()
            #expect(await fixture.eventually { (reconciler.state.lastFullSyncAt ?? .distantPast) > mark }, "a full pass")
            let ended = reconciler.state.lastFullSyncAt ?? mark
            #expect(await fixture.eventually { (reconciler.state.lastFullSyncAt ?? .distantPast) > ended }, "a second full pass")
        }
    }
}
