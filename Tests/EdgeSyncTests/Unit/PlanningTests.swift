import EdgeCore
import Foundation
import OVSDB
import Testing
@testable import EdgeSync

/// The pure part: mapping, diffing and conflict detection against hand-made NB rows.
@Suite struct PlanningTests {
    let routerUUID = UUID()
    let pod1UUID = UUID()
    let networkID = UUID()
    let eipID = UUID()

    func view(nat: [Row] = [], mirrors: [Row] = [], extraNAT: [UUID] = []) -> NBView {
        let router = Row(uuid: routerUUID, columns: ["name": "vpc1", "nat": .uuidSet(nat.map(\.uuid) + extraNAT),
                                                      "load_balancer": .emptySet, "static_routes": .emptySet, "ports": .emptySet])
        let pod = Row(uuid: pod1UUID, columns: ["name": "pod1", "addresses": .stringSet(["00:00:00:c4:5b:ce 192.168.0.2"]), "mirror_rules": .emptySet])
        return NBView(tables: [
            "Logical_Router": [routerUUID: router], "Logical_Switch_Port": [pod1UUID: pod],
            "NAT": Dictionary(uniqueKeysWithValues: nat.map { ($0.uuid, $0) }),
            "Mirror": Dictionary(uniqueKeysWithValues: mirrors.map { ($0.uuid, $0) }),
        ])
    }

    func desired(fips: [FloatingIP] = [], mirrors: [Mirror] = [], complete: Bool = false) -> DesiredState {
        var state = DesiredState()
        state.eips[eipID] = EIPAddressing(id: eipID, network: networkID, ipV4: IPv4Address("172.19.0.11"), ipV6: nil,
                                          mac: MACAddress("00:00:00:00:00:11")!)
        for fip in fips { state.fips[fip.id] = fip; state.targets.insert(ObjectKey(kind: .floatingIP, id: fip.id)) }
        for mirror in mirrors { state.mirrors[mirror.id] = mirror; state.targets.insert(ObjectKey(kind: .mirror, id: mirror.id)) }
        state.isComplete = complete
        return state
    }

    func fip(_ mode: DistributionMode = .centralized, phase: SyncPhase = .pending, revision: Int64 = 1) -> FloatingIP {
        let now = Date()
        return Resource(metadata: ResourceMetadata(id: UUID(), name: nil, revision: revision, createdAt: now, updatedAt: now),
                        spec: FloatingIPSpec(eip: .id(eipID), router: "vpc1", internalIP: IPAddress("192.168.0.2")!,
                                             logicalPort: mode == .distributed ? "pod1" : nil, mode: mode),
                        status: SyncStatus(phase: phase))
    }

    func mirror(_ filter: MirrorFilter) -> Mirror {
        let now = Date()
        return Resource(metadata: ResourceMetadata(id: UUID(), name: "m1", revision: 1, createdAt: now, updatedAt: now),
                        spec: MirrorSpec(type: .gre, index: 9, filter: filter, sink: IPAddress("10.0.0.9")!, ports: ["pod1"]),
                        status: .pending)
    }

    @Test func newFloatingIPInsertsItsNATAndReferencesItInTheSameOps() throws {
        let fip = fip()
        let plan = try #require(Planner(view: view(), desired: desired(fips: [fip]), mirrorFilterBoth: false).plan(ObjectKey(kind: .floatingIP, id: fip.id)))
        let ops = plan.operations
        #expect(ops.count == 2)
        guard case .insert(let table, let row, let uuid, let name?) = ops[0] else { Issue.record("first op is \(ops[0])"); return }
        #expect(table == "NAT" && uuid == fip.id)
        #expect(row["external_ip"] == .string("172.19.0.11") && row["logical_ip"] == .string("192.168.0.2"))
        #expect(row["external_ids"]?.stringMap[Ownership.ownerKey] == "fip/\(fip.id.uuidString.lowercased())")
        #expect(ops[1] == .mutate(table: "Logical_Router", where: [.uuid(routerUUID)], mutations: [.insert("nat", .set([.namedUUID(name)]))]))
    }

    @Test func distributedFloatingIPTakesThePortsMACAndIsStateless() throws {
        let fip = fip(.distributed)
        let plan = try #require(Planner(view: view(), desired: desired(fips: [fip]), mirrorFilterBoth: false).plan(ObjectKey(kind: .floatingIP, id: fip.id)))
        guard case .insert(_, let row, _, _) = plan.operations.first else { Issue.record("no insert"); return }
        #expect(row["logical_port"] == .optional("pod1"))
        #expect(row["external_mac"] == .optional("00:00:00:c4:5b:ce"))
        #expect(row["options"] == .stringMap(["stateless": "true"]))
    }

    @Test func matchingRowNeedsNothingAndAChangedColumnOnlyAnUpdate() throws {
        let fip = fip()
        let first = Planner(view: view(), desired: desired(fips: [fip]), mirrorFilterBoth: false)
        guard case .insert(_, let columns, _, _) = first.plan(ObjectKey(kind: .floatingIP, id: fip.id))!.operations[0] else { return }
        let existing = Row(uuid: fip.id, columns: columns)
        let synced = Planner(view: view(nat: [existing]), desired: desired(fips: [fip]), mirrorFilterBoth: false)
        #expect(synced.plan(ObjectKey(kind: .floatingIP, id: fip.id))!.operations.isEmpty)

        var edited = existing
        edited.columns["logical_ip"] = "192.168.0.99"
        let drifted = Planner(view: view(nat: [edited]), desired: desired(fips: [fip]), mirrorFilterBoth: false)
        #expect(drifted.plan(ObjectKey(kind: .floatingIP, id: fip.id))!.operations == [
            .update(table: "NAT", where: [.uuid(fip.id)], row: ["logical_ip": "192.168.0.2"]),
        ])
    }

    @Test func foreignNATWithTheSameExternalIPBlocksAndIsNamed() throws {
        let foreign = Row(uuid: UUID(), columns: ["type": "dnat_and_snat", "external_ip": "172.19.0.11", "logical_ip": "192.168.0.7", "external_ids": .emptyMap])
        let fip = fip()
        let plan = try #require(Planner(view: view(nat: [foreign]), desired: desired(fips: [fip]), mirrorFilterBoth: false).plan(ObjectKey(kind: .floatingIP, id: fip.id)))
        guard case .blocked(let problem) = plan.action else { Issue.record("not blocked: \(plan.action)"); return }
        #expect(problem.message.contains(foreign.uuid.ovsdbString))
        #expect(problem.reason == "ConflictingRow")
    }

    @Test func deletingObjectUnlinksAndDeletesItsRows() throws {
        let fip = fip(phase: .deleting)
        let owned = Row(uuid: fip.id, columns: ["type": "dnat_and_snat", "external_ip": "172.19.0.11",
                                                "external_ids": .stringMap([Ownership.ownerKey: "fip/\(fip.id.uuidString.lowercased())"])])
        let plan = try #require(Planner(view: view(nat: [owned]), desired: desired(fips: [fip]), mirrorFilterBoth: false).plan(ObjectKey(kind: .floatingIP, id: fip.id)))
        #expect(plan.deleting)
        #expect(plan.operations == [
            .mutate(table: "Logical_Router", where: [.uuid(routerUUID)], mutations: [.delete("nat", uuids: [fip.id])]),
            .delete(table: "NAT", where: [.uuid(fip.id)]),
        ])
    }

    @Test func orphansOnlyOnACompleteLoad() {
        let ghost = Row(uuid: UUID(), columns: ["type": "snat", "external_ids": .stringMap([Ownership.ownerKey: "snat-rule/\(UUID().uuidString.lowercased())"])])
        #expect(Planner(view: view(nat: [ghost]), desired: desired(), mirrorFilterBoth: false).orphanPlans().isEmpty)
        let plans = Planner(view: view(nat: [ghost]), desired: desired(complete: true), mirrorFilterBoth: false).orphanPlans()
        #expect(plans.count == 1 && plans[0].orphan && plans[0].operations.last == .delete(table: "NAT", where: [.uuid(ghost.uuid)]))
    }

    @Test func mirrorBothIsTwoRowsOnOldSchemasAndOneOnNewer() throws {
        let mirror = mirror(.both)
        let key = ObjectKey(kind: .mirror, id: mirror.id)
        let old = try #require(Planner(view: view(), desired: desired(mirrors: [mirror]), mirrorFilterBoth: false).plan(key))
        let inserted = old.operations.compactMap { op -> String? in
            if case .insert("Mirror", let row, _, _) = op { return row["name"]?.string } else { return nil }
        }
        #expect(inserted.sorted() == ["m1-from-lport", "m1-to-lport"])
        #expect(old.operations.filter { if case .mutate("Logical_Switch_Port", _, _) = $0 { true } else { false } }.count == 2)
        let new = try #require(Planner(view: view(), desired: desired(mirrors: [mirror]), mirrorFilterBoth: true).plan(key))
        #expect(new.operations.filter { if case .insert = $0 { true } else { false } }.count == 1)
    }

    @Test func takenMirrorNameBlocks() throws {
        let taken = Row(uuid: UUID(), columns: ["name": "m1", "external_ids": .emptyMap])
        let mirror = mirror(.toLport)
        let plan = try #require(Planner(view: view(mirrors: [taken]), desired: desired(mirrors: [mirror]), mirrorFilterBoth: false)
            .plan(ObjectKey(kind: .mirror, id: mirror.id)))
        guard case .blocked(.conflict(let table, let uuid, _)) = plan.action else { Issue.record("\(plan.action)"); return }
        #expect(table == "Mirror" && uuid == taken.uuid)
    }
}
