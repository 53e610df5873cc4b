import Foundation
import OVSDB

/// The rows a mapping may clash with, per router, keyed by the value that clashes: 1:1 NAT rows
/// (`dnat_and_snat`, `dnat`) by `external_ip`, SNAT rows by `logical_ip`, load balancers by VIP.
/// A conflict check is a dictionary lookup instead of a walk over every row of the router.
///
/// Kept up to date edge by edge (`refresh`): an edge is one router → child link in
/// `Logical_Router.nat` or `.load_balancer`, filed under the keys of the child's current content.
/// `NBView` refreshes the edges a row change touches, so keeping the index costs O(changed rows).
/// Each lookup holds every row, owned ones included (the caller skips its own), sorted by uuid
/// so that the foreign row reported is the same whatever order the rows arrived in.
struct NBIndex: Sendable, Equatable {
    enum Column: Hashable, Sendable { case oneToOne, snat, vip }

    struct Key: Hashable, Sendable {
        var router: UUID
        var column: Column
        var value: String
    }

    struct Edge: Hashable, Sendable {
        var router: UUID
        var child: UUID
    }

    /// The parent columns whose children are indexed, and the child table each holds.
    static let indexedColumns: [String: String] = ["nat": "NAT", "load_balancer": "Load_Balancer"]

    private var keysOfEdge: [Edge: [Key]] = [:]
    private var rowsOfKey: [Key: [UUID: Row]] = [:]

    init() {}

    /// The index of these tables in one go (unit tests; the reconciler builds through `NBView`).
    init(tables: [String: [UUID: Row]]) {
        for router in (tables["Logical_Router"] ?? [:]).values {
            for (column, childTable) in Self.indexedColumns {
                for child in router.uuids(column) {
                    refresh(Edge(router: router.uuid, child: child), childTable: childTable, child: tables[childTable]?[child], linked: true)
                }
            }
        }
    }

    /// Files the edge under the keys of `child` as it is now (`linked`: the router still lists
    /// it), replacing wherever it was filed before.
    mutating func refresh(_ edge: Edge, childTable: String, child: Row?, linked: Bool) {
        let keys = linked ? child.map { Self.keys(of: $0, table: childTable, router: edge.router) } ?? [] : []
        for key in keysOfEdge[edge] ?? [] {
            rowsOfKey[key]?[edge.child] = nil
            if rowsOfKey[key]?.isEmpty == true { rowsOfKey[key] = nil }
        }
        keysOfEdge[edge] = keys.isEmpty ? nil : keys
        if let child { for key in keys { rowsOfKey[key, default: [:]][edge.child] = child } }
    }

    private static func keys(of row: Row, table: String, router: UUID) -> [Key] {
        if table == "Load_Balancer" {
            return row.stringMap("vips").keys.map { Key(router: router, column: .vip, value: $0) }
        }
        switch row.string("type") {
        case "snat": return [Key(router: router, column: .snat, value: row.string("logical_ip"))]
        case "dnat_and_snat", "dnat": return [Key(router: router, column: .oneToOne, value: row.string("external_ip"))]
        default: return []
        }
    }

    private func rows(_ key: Key) -> [Row] {
        guard let found = rowsOfKey[key] else { return [] }
        if found.count == 1 { return Array(found.values) }
        return found.values.sorted { $0.uuid.precedes($1.uuid) }
    }

    /// `dnat_and_snat` and `dnat` rows on `router` with this `external_ip`.
    func oneToOneNAT(on router: UUID, externalIP: String) -> [Row] {
        rows(Key(router: router, column: .oneToOne, value: externalIP))
    }

    /// `snat` rows on `router` with this `logical_ip`.
    func snat(on router: UUID, logicalIP: String) -> [Row] {
        rows(Key(router: router, column: .snat, value: logicalIP))
    }

    /// Load balancers on `router` with this VIP among their `vips`.
    func loadBalancers(on router: UUID, vip: String) -> [Row] {
        rows(Key(router: router, column: .vip, value: vip))
    }
}
