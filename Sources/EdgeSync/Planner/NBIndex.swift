import Foundation
import OVSDB

/// The rows a mapping may clash with, per router, keyed by the value that clashes: 1:1 NAT rows
/// (`dnat_and_snat`, `dnat`) by `external_ip`, SNAT rows by `logical_ip`, load balancers by VIP.
/// Built once per pass with `NBView`, so a conflict check is a dictionary lookup instead of a walk
/// over every row of the router (O(objects + rows) per pass, not O(objects × rows)).
///
/// Each list keeps the order of the router's column, and holds every row, owned ones included:
/// the caller skips its own rows, so the first foreign row found is the one a full walk would find.
struct NBIndex: Sendable {
    struct Key: Hashable, Sendable {
        var router: UUID
        var value: String
    }

    private var natByExternalIP: [Key: [Row]] = [:]
    private var snatByLogicalIP: [Key: [Row]] = [:]
    private var loadBalancersByVIP: [Key: [Row]] = [:]

    init(tables: [String: [UUID: Row]]) {
        let nats = tables["NAT"] ?? [:]
        let balancers = tables["Load_Balancer"] ?? [:]
        for router in (tables["Logical_Router"] ?? [:]).values {
            for uuid in router.uuids("nat") {
                guard let row = nats[uuid] else { continue }
                switch row.string("type") {
                case "snat": snatByLogicalIP[Key(router: router.uuid, value: row.string("logical_ip")), default: []].append(row)
                case "dnat_and_snat", "dnat": natByExternalIP[Key(router: router.uuid, value: row.string("external_ip")), default: []].append(row)
                default: continue
                }
            }
            for uuid in router.uuids("load_balancer") {
                guard let lb = balancers[uuid] else { continue }
                for vip in lb.stringMap("vips").keys.sorted() {
                    loadBalancersByVIP[Key(router: router.uuid, value: vip), default: []].append(lb)
                }
            }
        }
    }

    /// `dnat_and_snat` and `dnat` rows on `router` with this `external_ip`, in the router's order.
    func oneToOneNAT(on router: UUID, externalIP: String) -> [Row] {
        natByExternalIP[Key(router: router, value: externalIP)] ?? []
    }

    /// `snat` rows on `router` with this `logical_ip`, in the router's order.
    func snat(on router: UUID, logicalIP: String) -> [Row] {
        snatByLogicalIP[Key(router: router, value: logicalIP)] ?? []
    }

    /// Load balancers on `router` with this VIP among their `vips`, in the router's order.
    func loadBalancers(on router: UUID, vip: String) -> [Row] {
        loadBalancersByVIP[Key(router: router, value: vip)] ?? []
    }
}
