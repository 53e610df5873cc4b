import EdgeCore
import Foundation
import OVSDB

/// An SNAT rule is one `NAT` row (`snat`, uuid = the rule's id): `logical_ip` is the internal
/// CIDR, or the bare address for a /32 or /128.
enum SNATRows {
    static func rows(_ rule: SNATRule, in context: MappingContext) -> Result<[DesiredRow], SyncProblem> {
        let key = ObjectKey(kind: .snatRule, id: rule.id)
        let spec = rule.spec
        let logicalIP = logicalIP(spec.internalCIDR)
        return context.view.router(spec.router).flatMap { router in
            context.eip(spec.eip).flatMap { eip in
                context.address(of: eip, family: spec.internalCIDR.family).flatMap { externalIP in
                    if let conflict = NATConflicts.find(on: router, in: context.view, owner: key, type: "snat",
                                                        externalIP: externalIP, logicalIP: logicalIP) {
                        return .failure(conflict)
                    }
                    let columns: [String: Value] = [
                        "type": .string("snat"), "external_ip": .string(externalIP), "logical_ip": .string(logicalIP),
                        "logical_port": .optional(nil as String?), "external_mac": .optional(nil as String?),
                        "options": .emptyMap, "external_ids": MappingContext.externalIDs(key, rule.revision, role: "nat"),
                    ]
                    return .success([DesiredRow(table: "NAT", uuid: rule.id, columns: columns,
                                                references: [RowReference(table: "Logical_Router", uuid: router.uuid, column: "nat")])])
                }
            }
        }
    }

    static func logicalIP(_ cidr: IPCIDR) -> String {
        switch cidr {
        case .v4(let v4): return v4.prefixLength == 32 ? v4.address.description : v4.description
        case .v6(let v6): return v6.prefixLength == 128 ? v6.address.description : v6.description
        }
    }
}
