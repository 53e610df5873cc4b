import Foundation
import Testing
@testable import EdgeSync
@testable import OVSDB

/// Which objects a drift concerns: owners of the changed rows, owners of rows a foreign row now
/// clashes with, dependents of a changed port; routers and switches coming and going: all.
@Suite struct DriftImpactTests {
    let router = UUID(), ownNAT = UUID(), otherNAT = UUID(), port = UUID()
    let fip = "fip/\(UUID().uuidString.lowercased())", other = "fip/\(UUID().uuidString.lowercased())"

    func nat(_ uuid: UUID, external: String, owner: String?, port: String? = nil) -> Row {
        Row(uuid: uuid, columns: ["type": "dnat_and_snat", "external_ip": .string(external), "logical_ip": "10.0.0.2",
                                  "logical_port": .optional(port), "external_ids": .stringMap(owner.map { [Ownership.ownerKey: $0] } ?? [:])])
    }

    func routerRow(_ nats: [UUID], name: String = "vpc1") -> Row {
        Row(uuid: router, columns: ["name": .string(name), "nat": .uuidSet(nats), "load_balancer": .emptySet])
    }

    /// vpc1 with two owned NAT rows (one on pod1's port) and pod1.
    func view() -> NBView {
        NBView(tables: [
            "Logical_Router": [router: routerRow([ownNAT, otherNAT])],
            "NAT": [ownNAT: nat(ownNAT, external: "172.16.0.2", owner: fip), otherNAT: nat(otherNAT, external: "172.16.0.3", owner: other, port: "pod1")],
            "Logical_Switch_Port": [port: Row(uuid: port, columns: ["name": "pod1", "addresses": .stringSet(["00:00:00:00:00:01 10.0.0.3"])])],
        ])
    }

    @Test func anOwnedRowDeletedConcernsOnlyItsOwner() {
        var view = view()
        let changes = [RowChange(table: "NAT", uuid: ownNAT, old: view.row("NAT", ownNAT), new: nil),
                       RowChange(table: "Logical_Router", uuid: router, old: routerRow([ownNAT, otherNAT]), new: routerRow([otherNAT]))]
        view.apply(changes)
        #expect(DriftImpact.of(changes, in: view) == .owners([fip]))
    }

    @Test func aForeignRowWithTheSameExternalIPConcernsTheOwnerItClashesWith() {
        var view = view()
        let foreign = UUID()
        let changes = [RowChange(table: "NAT", uuid: foreign, old: nil, new: nat(foreign, external: "172.16.0.2", owner: nil)),
                       RowChange(table: "Logical_Router", uuid: router, old: routerRow([ownNAT, otherNAT]), new: routerRow([ownNAT, otherNAT, foreign]))]
        view.apply(changes)
        #expect(DriftImpact.of(changes, in: view) == .owners([fip]))
    }

    @Test func aForeignRowClashingWithNothingConcernsNobody() {
        var view = view()
        let foreign = UUID()
        let changes = [RowChange(table: "NAT", uuid: foreign, old: nil, new: nat(foreign, external: "172.16.0.99", owner: nil)),
                       RowChange(table: "Logical_Router", uuid: router, old: routerRow([ownNAT, otherNAT]), new: routerRow([ownNAT, otherNAT, foreign]))]
        view.apply(changes)
        #expect(DriftImpact.of(changes, in: view) == .owners([]))
    }

    @Test func aPortsNewMACConcernsTheFIPsOnIt() {
        var view = view()
        let old = view.row("Logical_Switch_Port", port)
        let new = Row(uuid: port, columns: ["name": "pod1", "addresses": .stringSet(["00:00:00:00:00:09 10.0.0.3"])])
        let changes = [RowChange(table: "Logical_Switch_Port", uuid: port, old: old, new: new)]
        view.apply(changes)
        #expect(DriftImpact.of(changes, in: view) == .owners([other]))
    }

    @Test func routersComingGoingOrRenamedTakeAFullPass() {
        let renamed = [RowChange(table: "Logical_Router", uuid: router, old: routerRow([ownNAT, otherNAT]), new: routerRow([ownNAT, otherNAT], name: "vpc9"))]
        guard case .full = DriftImpact.of(renamed, in: view()) else { Issue.record("rename: not a full pass"); return }
        let created = [RowChange(table: "Logical_Switch", uuid: UUID(), old: nil, new: Row(uuid: UUID(), columns: ["name": "external"]))]
        guard case .full = DriftImpact.of(created, in: view()) else { Issue.record("new switch: not a full pass"); return }
        let global = [RowChange(table: "NB_Global", uuid: UUID(), old: nil, new: Row(uuid: UUID(), columns: ["nb_cfg": 1]))]
        #expect(DriftImpact.of(global, in: view()) == .owners([]))
    }
}
