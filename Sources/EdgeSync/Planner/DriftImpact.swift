import Foundation
import OVSDB

/// Which objects a drift (NB rows changed by someone else) may concern, so that the drift pass
/// plans those instead of every stored object. Worked out from the changed rows and the view
/// after the change:
/// * the owners of changed rows (their `ovn-edge:owner` tag, before and after), and of rows
///   linked into or unlinked from a parent column ovn-edge manages;
/// * owners of rows that a changed row may now clash with: NAT rows on the same router with the
///   same external IP (SNAT: logical IP), load balancers with the same VIP, rows of a
///   name-indexed table with the same name, default routes with the same prefix;
/// * owners of NAT rows on a logical switch port whose name or addresses changed (the MAC of a
///   distributed FIP), and of mirrors attached to a renamed port.
/// Objects already in error are planned by every pass anyway, so a foreign row going away needs
/// no lookup. Routers and switches appearing, disappearing or being renamed change what names
/// resolve to for objects that own nothing there yet: those take a full pass, as does anything
/// that would touch more than `maxObjects` objects (loading them one by one would cost more).
enum DriftImpact: Equatable, Sendable {
    case full(reason: String)
    case owners(Set<String>)

    static let maxObjects = 2000

    static func of(_ changes: [RowChange], in view: NBView) -> DriftImpact {
        var tags = Set<String>()
        for change in changes where change.table != "NB_Global" {
            if let reason = fullPassReason(change) { return .full(reason: reason) }
            collect(change, in: view, into: &tags)
            if tags.count > maxObjects { return .full(reason: "drift touches more than \(maxObjects) objects") }
        }
        return .owners(tags)
    }

    /// Routers and switches are looked up by name by objects that may own nothing on them.
    private static func fullPassReason(_ change: RowChange) -> String? {
        guard change.table == "Logical_Router" || change.table == "Logical_Switch" else { return nil }
        switch change.kind {
        case .insert: return "\(change.table) \(change.row.string("name")) created"
        case .delete: return "\(change.table) \(change.row.string("name")) deleted"
        case .modify:
            let before = change.old?.optionalString("name"), after = change.new?.optionalString("name")
            return before == after ? nil : "\(change.table) \(before ?? "") renamed to \(after ?? "")"
        }
    }

    private static func collect(_ change: RowChange, in view: NBView, into tags: inout Set<String>) {
        for row in [change.old, change.new].compactMap({ $0 }) {
            if let tag = view.owner(of: row) { tags.insert(tag) }
        }
        linkedChildren(change, in: view, into: &tags)
        guard let row = change.new else { return }
        switch change.table {
        case "NAT": natClashes(row, in: view, into: &tags)
        case "Load_Balancer": balancerClashes(row, in: view, into: &tags)
        case "Logical_Router_Static_Route": routeClashes(row, in: view, into: &tags)
        default: break
        }
        if NBView.namedTables.contains(change.table) {
            for name in Set([change.old?.optionalString("name"), row.optionalString("name")].compactMap { $0 }) {
                owners(in: view, of: view.rows(change.table, named: name), into: &tags)
            }
        }
        if change.table == "Logical_Switch_Port" { portDependents(change, in: view, into: &tags) }
    }

    /// Children linked or unlinked in a managed column: their owners; a NAT row or load
    /// balancer newly on a router may also clash there.
    private static func linkedChildren(_ change: RowChange, in view: NBView, into tags: inout Set<String>) {
        for column in NBView.managedColumns[change.table] ?? [] {
            let before = atoms(change.old?.columns[column]), after = atoms(change.new?.columns[column])
            guard before != after, let childTable = childTables["\(change.table).\(column)"] else { continue }
            for case .uuid(let child) in before.symmetricDifference(after) {
                guard let found = view.row(childTable, child) else { continue }
                if let tag = view.owner(of: found) { tags.insert(tag) }
                guard change.table == "Logical_Router", after.contains(.uuid(child)) else { continue }
                if column == "nat" { natClashes(found, in: view, into: &tags) }
                if column == "load_balancer" { balancerClashes(found, in: view, into: &tags) }
            }
        }
    }

    private static func natClashes(_ row: Row, in view: NBView, into tags: inout Set<String>) {
        for router in routers(referencing: row.uuid, column: "nat", in: view) {
            if row.string("type") == "snat" {
                owners(in: view, of: view.index.snat(on: router, logicalIP: row.string("logical_ip")), into: &tags)
            } else {
                owners(in: view, of: view.index.oneToOneNAT(on: router, externalIP: row.string("external_ip")), into: &tags)
            }
        }
    }

    private static func balancerClashes(_ row: Row, in view: NBView, into tags: inout Set<String>) {
        for router in routers(referencing: row.uuid, column: "load_balancer", in: view) {
            for vip in row.stringMap("vips").keys { owners(in: view, of: view.index.loadBalancers(on: router, vip: vip), into: &tags) }
        }
    }

    /// Owned routes with the same prefix on the routers of a changed route.
    private static func routeClashes(_ row: Row, in view: NBView, into tags: inout Set<String>) {
        for router in routers(referencing: row.uuid, column: "static_routes", in: view) {
            let routes = view.row("Logical_Router", router)?.uuids("static_routes") ?? []
            owners(in: view, of: routes.compactMap { view.row("Logical_Router_Static_Route", $0) }
                .filter { $0.string("ip_prefix") == row.string("ip_prefix") }, into: &tags)
        }
    }

    /// A port's name or addresses feed distributed FIPs (`logical_port`, `external_mac`); a
    /// renamed port no longer matches the mirrors attached to it.
    private static func portDependents(_ change: RowChange, in view: NBView, into tags: inout Set<String>) {
        let columns = ["name", "addresses", "dynamic_addresses"]
        guard change.kind != .modify || columns.contains(where: { change.old?.columns[$0] != change.new?.columns[$0] }) else { return }
        for name in Set([change.old?.optionalString("name"), change.new?.optionalString("name")].compactMap { $0 }) {
            owners(in: view, of: view.nats(onLogicalPort: name), into: &tags)
        }
        if let port = change.new, change.old?.optionalString("name") != port.optionalString("name") {
            owners(in: view, of: port.uuids("mirror_rules").compactMap { view.row("Mirror", $0) }, into: &tags)
        }
    }

    private static func routers(referencing uuid: UUID, column: String, in view: NBView) -> [UUID] {
        view.referrers(of: uuid).filter { $0.table == "Logical_Router" && $0.column == column }.map(\.uuid)
    }

    private static func owners(in view: NBView, of rows: [Row], into tags: inout Set<String>) {
        for row in rows { if let tag = view.owner(of: row) { tags.insert(tag) } }
    }

    private static func atoms(_ value: Value?) -> Set<Atom> {
        switch value {
        case .set(let atoms)?: return atoms
        case .atom(let atom)?: return [atom]
        default: return []
        }
    }

    /// The table each managed parent column links to.
    private static let childTables: [String: String] = [
        "Logical_Router.nat": "NAT", "Logical_Router.load_balancer": "Load_Balancer", "Logical_Router.ports": "Logical_Router_Port",
        "Logical_Router.static_routes": "Logical_Router_Static_Route", "Logical_Switch.ports": "Logical_Switch_Port",
        "Logical_Router_Port.gateway_chassis": "Gateway_Chassis", "Logical_Switch_Port.mirror_rules": "Mirror",
    ]
}
