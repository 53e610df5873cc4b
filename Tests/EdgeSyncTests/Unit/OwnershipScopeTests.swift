import EdgeCore
import Foundation
import OVSDB
import Testing
@testable import EdgeSync

/// Which owned rows are a deployment's: claims, stamping, the orphan rule and conflict messages,
/// and what planning makes of them, against hand-made rows.
@Suite struct OwnershipScopeTests {
    let ours = UUID(), theirs = UUID()
    let routerUUID = UUID()
    var scope: OwnershipScope { OwnershipScope(deployment: ours) }

    func nat(_ ip: String, owner: String?, deployment: UUID?, uuid: UUID = UUID()) -> Row {
        var ids: [String: String] = [:]
        if let owner { ids[Ownership.ownerKey] = owner }
        if let deployment { ids[Ownership.deploymentKey] = deployment.uuidString.lowercased() }
        return Row(uuid: uuid, columns: ["type": "snat", "external_ip": .string(ip), "logical_ip": "10.0.0.0/24", "external_ids": .stringMap(ids)])
    }

    func view(_ nats: [Row], scope: OwnershipScope) -> NBView {
        NBView(tables: [
            "Logical_Router": [routerUUID: Row(uuid: routerUUID, columns: ["name": "vpc1", "nat": .uuidSet(nats.map(\.uuid))])],
            "NAT": Dictionary(uniqueKeysWithValues: nats.map { ($0.uuid, $0) }),
        ], ownership: scope)
    }

    @Test func claims() {
        let tag = "fip/\(UUID().uuidString.lowercased())"
        #expect(scope.claim(nat("1.1.1.1", owner: nil, deployment: nil)) == .unmanaged)
        #expect(scope.claim(nat("1.1.1.1", owner: tag, deployment: ours)) == .ours(tag: tag))
        #expect(scope.claim(nat("1.1.1.1", owner: tag, deployment: nil)) == .legacy(tag: tag))
        #expect(scope.claim(nat("1.1.1.1", owner: tag, deployment: theirs)) == .foreign(tag: tag, deployment: theirs.uuidString.lowercased()))
        #expect(scope.owner(of: nat("1.1.1.1", owner: tag, deployment: theirs)) == nil)
        #expect(scope.ownerDescription(of: nat("1.1.1.1", owner: tag, deployment: theirs))
                == "owned by \(tag) of ovn-edge deployment \(theirs.uuidString.lowercased())")
        // Hand-made views (unscoped) treat every owned row as ours, as before deployments.
        #expect(OwnershipScope.unscoped.claim(nat("1.1.1.1", owner: tag, deployment: theirs)) == .ours(tag: tag))
    }

    @Test func orphanRule() {
        let tag = "snat-rule/\(UUID().uuidString.lowercased())"
        let adopting = OwnershipScope(deployment: ours, adoptLegacyRows: true)
        #expect(scope.mayRemoveAsOrphan(nat("1.1.1.1", owner: tag, deployment: ours)))
        #expect(!scope.mayRemoveAsOrphan(nat("1.1.1.1", owner: tag, deployment: nil)))
        #expect(adopting.mayRemoveAsOrphan(nat("1.1.1.1", owner: tag, deployment: nil)))
        #expect(!adopting.mayRemoveAsOrphan(nat("1.1.1.1", owner: tag, deployment: theirs)))
        #expect(!adopting.mayRemoveAsOrphan(nat("1.1.1.1", owner: nil, deployment: nil)))
    }

    @Test func lockNamesAreOVSDBIdsPerDeployment() {
        let name = scope.lockName
        #expect(name == "ovn_edge_" + ours.uuidString.lowercased().replacingOccurrences(of: "-", with: "_"))
        #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        #expect(name != OwnershipScope(deployment: theirs).lockName)
        #expect(OwnershipScope.unscoped.lockName == "ovn_edge")
    }

    @Test func orphanPlansTakeOnlyOurRowsAndAdoptedLegacyOnes() {
        let mine = nat("1.1.1.1", owner: "snat-rule/\(UUID().uuidString.lowercased())", deployment: ours)
        let legacy = nat("1.1.1.2", owner: "snat-rule/\(UUID().uuidString.lowercased())", deployment: nil)
        let foreign = nat("1.1.1.3", owner: "snat-rule/\(UUID().uuidString.lowercased())", deployment: theirs)
        var desired = DesiredState()
        desired.isComplete = true
        let deleted = { (scope: OwnershipScope) -> Set<UUID> in
            let plans = Planner(view: view([mine, legacy, foreign], scope: scope), desired: desired, mirrorFilterBoth: false).orphanPlans()
            let ops = plans.flatMap(\.operations)
            return Set([mine, legacy, foreign].map(\.uuid).filter { ops.contains(.delete(table: "NAT", where: [.uuid($0)])) })
        }
        #expect(deleted(scope) == [mine.uuid])
        #expect(deleted(OwnershipScope(deployment: ours, adoptLegacyRows: true)) == [mine.uuid, legacy.uuid])
    }

    /// Another deployment's NAT row on the FIP's external IP blocks it, naming row and deployment;
    /// a legacy row of the FIP itself is stamped in place (only `external_ids` changes).
    @Test func foreignRowsBlockAndLegacyRowsOfOurObjectsAreStamped() throws {
        let eipID = UUID(), now = Date()
        let fip = Resource(metadata: ResourceMetadata(id: UUID(), name: nil, revision: 1, createdAt: now, updatedAt: now),
                           spec: FloatingIPSpec(eip: .id(eipID), router: "vpc1", internalIP: IPAddress("192.168.0.2")!), status: SyncStatus(phase: .pending))
        var desired = DesiredState()
        desired.eips[eipID] = EIPAddressing(id: eipID, network: UUID(), ipV4: IPv4Address("172.19.0.11"), ipV6: nil,
                                            mac: MACAddress("00:00:00:00:00:11")!)
        desired.fips[fip.id] = fip
        let key = ObjectKey(kind: .floatingIP, id: fip.id)
        desired.targets.insert(key)

        let other = Row(uuid: UUID(), columns: ["type": "dnat_and_snat", "external_ip": "172.19.0.11", "logical_ip": "192.168.0.9",
                                                "external_ids": .stringMap([Ownership.ownerKey: "fip/\(UUID().uuidString.lowercased())",
                                                                            Ownership.deploymentKey: theirs.uuidString.lowercased()])])
        let blocked = try #require(Planner(view: view([other], scope: scope), desired: desired, mirrorFilterBoth: false).plan(key))
        guard case .blocked(let problem) = blocked.action else { Issue.record("not blocked: \(blocked.action)"); return }
        #expect(problem.reason == "ConflictingRow")
        #expect(problem.message.contains(other.uuid.uuidString.lowercased()) && problem.message.contains("deployment \(theirs.uuidString.lowercased())"))

        // The row an older ovn-edge wrote for this FIP: same columns, no deployment key.
        let fresh = try #require(Planner(view: view([], scope: scope), desired: desired, mirrorFilterBoth: false).plan(key))
        guard case .insert(_, let columns, _, _)? = fresh.operations.first else { Issue.record("no insert"); return }
        #expect(columns["external_ids"]?.stringMap[Ownership.deploymentKey] == ours.uuidString.lowercased())
        var legacyColumns = columns
        legacyColumns["external_ids"] = .stringMap(columns["external_ids"]!.stringMap.filter { $0.key != Ownership.deploymentKey })
        let legacy = Row(uuid: fip.id, columns: legacyColumns)
        let stamp = try #require(Planner(view: view([legacy], scope: scope), desired: desired, mirrorFilterBoth: false).plan(key))
        #expect(stamp.operations == [.update(table: "NAT", where: [.uuid(fip.id)], row: ["external_ids": columns["external_ids"]!])])
        // Once stamped, nothing to do.
        let stamped = Row(uuid: fip.id, columns: columns)
        let done = try #require(Planner(view: view([stamped], scope: scope), desired: desired, mirrorFilterBoth: false).plan(key))
        #expect(done.operations.isEmpty)
    }
}
