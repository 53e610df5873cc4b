import Foundation
import OVSDB
import Testing
@testable import EdgeSync

/// The index of NAT rows and load balancers: keyed per router, rows in uuid order.
@Suite struct NBIndexTests {
    func nat(_ type: String, external: String, logical: String, owner: String? = nil) -> Row {
        Row(uuid: UUID(), columns: ["type": .string(type), "external_ip": .string(external), "logical_ip": .string(logical),
                                    "external_ids": .stringMap(owner.map { [Ownership.ownerKey: $0] } ?? [:])])
    }

    @Test func natRowsAreKeyedPerRouterByTheClashingColumnInUUIDOrder() {
        let a = nat("dnat_and_snat", external: "172.16.0.2", logical: "10.0.0.2")
        let b = nat("dnat", external: "172.16.0.2", logical: "10.0.0.3", owner: "fip/x")
        let s = nat("snat", external: "172.16.0.9", logical: "10.0.0.0/24")
        let other = nat("dnat_and_snat", external: "172.16.0.2", logical: "10.0.0.4")
        let r1 = Row(uuid: UUID(), columns: ["name": "r1", "nat": .uuidSet([b.uuid, a.uuid, s.uuid, UUID()])])
        let r2 = Row(uuid: UUID(), columns: ["name": "r2", "nat": .uuidSet([other.uuid])])
        let index = NBIndex(tables: [
            "Logical_Router": [r1.uuid: r1, r2.uuid: r2],
            "NAT": Dictionary(uniqueKeysWithValues: [a, b, s, other].map { ($0.uuid, $0) }),
        ])
        let order = [a.uuid, b.uuid].sorted { $0.uuidString < $1.uuidString }
        #expect(index.oneToOneNAT(on: r1.uuid, externalIP: "172.16.0.2").map(\.uuid) == order)
        #expect(index.oneToOneNAT(on: r2.uuid, externalIP: "172.16.0.2").map(\.uuid) == [other.uuid])
        #expect(index.oneToOneNAT(on: r1.uuid, externalIP: "172.16.0.9").isEmpty)  // SNAT rows are not 1:1
        #expect(index.snat(on: r1.uuid, logicalIP: "10.0.0.0/24").map(\.uuid) == [s.uuid])
        #expect(index.snat(on: r2.uuid, logicalIP: "10.0.0.0/24").isEmpty)
    }

    @Test func loadBalancersAreKeyedByEveryVIP() {
        let lb = Row(uuid: UUID(), columns: ["name": "lb1", "vips": .stringMap(["172.16.0.2:80": "10.0.0.2:8080", "172.16.0.2:443": "10.0.0.2:8443"])])
        let router = Row(uuid: UUID(), columns: ["name": "r1", "load_balancer": .uuidSet([lb.uuid])])
        let index = NBIndex(tables: ["Logical_Router": [router.uuid: router], "Load_Balancer": [lb.uuid: lb]])
        #expect(index.loadBalancers(on: router.uuid, vip: "172.16.0.2:80").map(\.uuid) == [lb.uuid])
        #expect(index.loadBalancers(on: router.uuid, vip: "172.16.0.2:443").map(\.uuid) == [lb.uuid])
        #expect(index.loadBalancers(on: router.uuid, vip: "172.16.0.2:22").isEmpty)
    }

    @Test func aForeignRowIsStillReportedByUUIDAndItsOwnRowIsNot() {
        let key = ObjectKey(kind: .floatingIP, id: UUID())
        let own = nat("dnat_and_snat", external: "172.16.0.2", logical: "10.0.0.2", owner: Ownership.tag(key))
        let foreign = nat("dnat_and_snat", external: "172.16.0.2", logical: "10.0.0.3")
        let router = Row(uuid: UUID(), columns: ["name": "vpc1", "nat": .uuidSet([own.uuid, foreign.uuid])])
        let tables: [String: [UUID: Row]] = ["Logical_Router": [router.uuid: router], "NAT": [own.uuid: own, foreign.uuid: foreign]]
        let view = NBView(tables: tables)
        let problem = NATConflicts.find(on: router, in: view, owner: key, type: "dnat_and_snat", externalIP: "172.16.0.2", logicalIP: nil)
        guard case .conflict(let table, let uuid, let detail)? = problem else { Issue.record("no conflict: \(String(describing: problem))"); return }
        #expect(table == "NAT" && uuid == foreign.uuid)
        #expect(detail == "dnat_and_snat 172.16.0.2 -> 10.0.0.3 on router vpc1 (not managed by ovn-edge)")
        let alone = NBView(tables: ["Logical_Router": [router.uuid: Row(uuid: router.uuid, columns: ["name": "vpc1", "nat": .uuidSet([own.uuid])])],
                                    "NAT": [own.uuid: own]])
        #expect(NATConflicts.find(on: router, in: alone, owner: key, type: "dnat_and_snat", externalIP: "172.16.0.2", logicalIP: nil) == nil)
    }
}
