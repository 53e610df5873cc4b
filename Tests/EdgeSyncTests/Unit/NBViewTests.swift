import Foundation
import TestSupport
import Testing
@testable import EdgeSync
@testable import OVSDB

/// The kept view: updated row by row, it must equal a view built afresh from the same rows,
/// whatever the order and mix of inserts, updates, deletes and re-links.
@Suite struct NBViewTests {
    /// Random NB content over a few routers, NAT rows, load balancers, ports and mirrors, with
    /// colliding IPs, names and owner tags on purpose.
    struct World {
        var random: SeededGenerator
        var tables: [String: [UUID: Row]] = [:]
        let routers = (0..<2).map { _ in UUID() }
        let nats = (0..<24).map { _ in UUID() }
        let balancers = (0..<4).map { _ in UUID() }
        let ports = (0..<4).map { _ in UUID() }
        let mirrors = (0..<3).map { _ in UUID() }
        let tags = ["fip/\(UUID().uuidString.lowercased())", "snat-rule/\(UUID().uuidString.lowercased())", "junk"]

        init(seed: UInt64) { random = SeededGenerator(seed: seed) }

        mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
        mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

        mutating func externalIDs() -> Value {
            chance(50) ? .stringMap([Ownership.ownerKey: pick(tags)]) : .stringMap(["other": "x"])
        }

        mutating func uuidSet(from pool: [UUID]) -> Value {
            .uuidSet(pool.filter { _ in chance(40) } + (chance(20) ? [UUID()] : []))
        }

        /// One random change: the table, the row's uuid and its new content (nil = deleted).
        mutating func step() -> (String, UUID, Row?) {
            switch Int.random(in: 0..<6, using: &random) {
            case 0, 1:
                let uuid = pick(nats)
                if chance(20) { return ("NAT", uuid, nil) }
                return ("NAT", uuid, Row(uuid: uuid, columns: [
                    "type": .string(pick(["snat", "dnat_and_snat", "dnat"])), "external_ip": .string(pick(["172.16.0.1", "172.16.0.2"])),
                    "logical_ip": .string(pick(["10.0.0.1", "10.0.0.0/24"])),
                    "logical_port": chance(50) ? .optional(pick(["pod1", "pod2"])) : .emptySet, "external_ids": externalIDs(),
                ]))
            case 2:
                let uuid = pick(routers)
                if chance(10) { return ("Logical_Router", uuid, nil) }
                return ("Logical_Router", uuid, Row(uuid: uuid, columns: [
                    "name": .string(pick(["vpc1", "vpc2"])), "nat": uuidSet(from: nats), "load_balancer": uuidSet(from: balancers),
                    "ports": .emptySet, "static_routes": .emptySet,
                ]))
            case 3:
                let uuid = pick(balancers)
                if chance(20) { return ("Load_Balancer", uuid, nil) }
                return ("Load_Balancer", uuid, Row(uuid: uuid, columns: [
                    "name": .string("lb"), "vips": .stringMap([pick(["172.16.0.1:80", "172.16.0.2:80"]): "10.0.0.1:80"]), "external_ids": externalIDs(),
                ]))
            case 4:
                let uuid = pick(ports)
                if chance(20) { return ("Logical_Switch_Port", uuid, nil) }
                return ("Logical_Switch_Port", uuid, Row(uuid: uuid, columns: [
                    "name": .string(pick(["pod1", "pod2", "pod3"])), "addresses": .stringSet([pick(["00:00:00:00:00:01", "00:00:00:00:00:02"])]),
                    "mirror_rules": uuidSet(from: mirrors), "external_ids": externalIDs(),
                ]))
            default:
                let uuid = pick(mirrors)
                if chance(20) { return ("Mirror", uuid, nil) }
                return ("Mirror", uuid, Row(uuid: uuid, columns: ["name": .string(pick(["m1", "m2"])), "external_ids": externalIDs()]))
            }
        }
    }

    @Test(arguments: [1, 2, 3, 42, 4711] as [UInt64])
    func keptViewEqualsAFreshViewAfterEveryChange(seed: UInt64) {
        var world = World(seed: seed)
        var kept = NBView(tables: [:])
        for round in 0..<400 {
            let (table, uuid, row) = world.step()
            if row == nil && world.tables[table]?[uuid] == nil { continue } // the monitor reports no such delete
            world.tables[table, default: [:]][uuid] = row
            kept.set(table, uuid, to: row)
            let fresh = NBView(tables: world.tables)
            #expect(kept == fresh, "seed \(seed), change \(round): \(table) \(uuid)")
            if kept != fresh { return }
        }
    }

    /// The same through monitor changes that list the atoms their diff toggled (as update2
    /// diffs do): the view follows those instead of comparing the sets, and ends up the same.
    @Test(arguments: [5, 6, 7, 99] as [UInt64])
    func keptViewFollowsToggledAtoms(seed: UInt64) {
        var world = World(seed: seed)
        var kept = NBView(tables: [:])
        for round in 0..<400 {
            let (table, uuid, row) = world.step()
            let old = world.tables[table]?[uuid]
            if row == nil && old == nil { continue }
            world.tables[table, default: [:]][uuid] = row
            kept.apply([RowChange(table: table, uuid: uuid, old: old, new: row, toggled: Self.toggled(old, row))])
            let fresh = NBView(tables: world.tables)
            #expect(kept == fresh, "seed \(seed), change \(round): \(table) \(uuid)")
            if kept != fresh { return }
        }
    }

    /// What a diff of `old` into `new` toggles in each set column (a modify only).
    static func toggled(_ old: Row?, _ new: Row?) -> [String: Set<Atom>] {
        guard let old, let new else { return [:] }
        var toggled: [String: Set<Atom>] = [:]
        for (column, value) in new.columns {
            guard case .set(let after) = value, case .set(let before)? = old.columns[column] else { continue }
            let flipped = before.symmetricDifference(after)
            if !flipped.isEmpty { toggled[column] = flipped }
        }
        return toggled
    }

    @Test func monitorChangesApplyInOrder() {
        let router = UUID(), nat = UUID()
        let row = Row(uuid: nat, columns: ["type": "dnat_and_snat", "external_ip": "172.16.0.5", "logical_ip": "10.0.0.5",
                                           "external_ids": .stringMap([Ownership.ownerKey: "fip/x"])])
        let routerRow = Row(uuid: router, columns: ["name": "vpc1", "nat": .uuidSet([nat])])
        var view = NBView(tables: [:])
        view.apply([RowChange(table: "NAT", uuid: nat, old: nil, new: row),
                    RowChange(table: "Logical_Router", uuid: router, old: nil, new: routerRow)])
        #expect(view.index.oneToOneNAT(on: router, externalIP: "172.16.0.5").map(\.uuid) == [nat])
        #expect(view.owned(tag: "fip/x").map(\.uuid) == [nat])
        #expect(view.referrers(of: nat) == [RowReference(table: "Logical_Router", uuid: router, column: "nat")])
        view.apply([RowChange(table: "Logical_Router", uuid: router, old: routerRow, new: Row(uuid: router, columns: ["name": "vpc1", "nat": .emptySet])),
                    RowChange(table: "NAT", uuid: nat, old: row, new: nil)])
        #expect(view.index.oneToOneNAT(on: router, externalIP: "172.16.0.5").isEmpty)
        #expect(view.owned(tag: "fip/x").isEmpty)
        #expect(view == NBView(tables: ["Logical_Router": [router: Row(uuid: router, columns: ["name": "vpc1", "nat": .emptySet])], "NAT": [:]]))
    }

    @Test func nbGlobalIsLeftOutOfTheView() {
        var global = TableSnapshot(name: "NB_Global", indexesName: false)
        global.set(Row(uuid: UUID(), columns: ["nb_cfg": 7]))
        var nats = TableSnapshot(name: "NAT", indexesName: false)
        let nat = Row(uuid: UUID(), columns: ["type": "snat", "logical_ip": "10.0.0.0/24", "external_ip": "172.16.0.1"])
        nats.set(nat)
        var snapshot = CacheSnapshot()
        snapshot.tables = ["NB_Global": global, "NAT": nats]
        #expect(NBView(snapshot: snapshot, ownership: .unscoped) == NBView(tables: ["NAT": [nat.uuid: nat]]))
    }
}
