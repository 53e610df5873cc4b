import EdgeCore
import Foundation
import OVSDB

/// A DNAT rule is one `Load_Balancer` row (uuid = the rule's id) with a single VIP
/// `"eip:external_port" → "internal_ip:internal_port"`, linked from `Logical_Router.load_balancer`.
/// OVN cannot forward a port with a NAT row, hence the load balancer.
///
/// Granularity: one LB per rule, not one per router+EIP+protocol. With one LB per rule the row
/// and the API object are 1:1, so the row's uuid is the rule's id (a retried insert cannot make
/// a second LB, lookups need no search), deleting a rule deletes exactly one root row (nothing
/// shared to keep alive or garbage-collect), a bad rule fails alone in a batch, and concurrent
/// edits of different rules never rewrite the same `vips` map. The cost — one LB row and one
/// `load_balancer` reference per rule — is small: northd builds flows per VIP either way.
enum DNATRows {
    static func rows(_ rule: DNATRule, in context: MappingContext) -> Result<[DesiredRow], SyncProblem> {
        let key = ObjectKey(kind: .dnatRule, id: rule.id)
        let spec = rule.spec
        return context.view.router(spec.router).flatMap { router in
            context.eip(spec.eip).flatMap { eip in
                context.address(of: eip, family: spec.internalIP.family).flatMap { externalIP in
                    let vip = endpoint(externalIP, family: spec.internalIP.family, port: spec.externalPort)
                    let backend = endpoint(spec.internalIP.description, family: spec.internalIP.family, port: spec.internalPort)
                    let proto = spec.protocol.rawValue
                    if let conflict = conflict(on: router, vip: vip, protocol: proto, owner: key, view: context.view) {
                        return .failure(conflict)
                    }
                    let columns: [String: Value] = [
                        "name": .string("ovn-edge-dnat-\(rule.id.uuidString.lowercased())"),
                        "vips": .stringMap([vip: backend]), "protocol": .optional(proto),
                        "external_ids": MappingContext.externalIDs(key, rule.revision, role: "lb"),
                    ]
                    return .success([DesiredRow(table: "Load_Balancer", uuid: rule.id, columns: columns,
                                                references: [RowReference(table: "Logical_Router", uuid: router.uuid, column: "load_balancer")])])
                }
            }
        }
    }

    static func endpoint(_ ip: String, family: IPFamily, port: EdgeCore.Port) -> String {
        family == .v6 ? "[\(ip)]:\(port)" : "\(ip):\(port)"
    }

    /// Another load balancer on the router already forwarding the same VIP and protocol.
    private static func conflict(on router: Row, vip: String, protocol proto: String, owner: ObjectKey, view: NBView) -> SyncProblem? {
        let tag = Ownership.tag(owner)
        for lb in view.index.loadBalancers(on: router.uuid, vip: vip) {
            guard view.owner(of: lb) != tag, (lb.optionalString("protocol") ?? "tcp") == proto else { continue }
            let uuid = lb.uuid
            let who = view.ownerDescription(of: lb)
            return .conflict(table: "Load_Balancer", uuid: uuid, detail: "\(lb.string("name")) already forwards \(proto) \(vip) on router \(router.string("name")) (\(who))")
        }
        return nil
    }
}
