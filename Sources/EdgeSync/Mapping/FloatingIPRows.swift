import EdgeCore
import Foundation
import OVSDB

/// A floating IP is one `NAT` row (`dnat_and_snat`, uuid = the FIP's id) on its router.
/// Distributed: `logical_port` and `external_mac` (the port's MAC as NB has it) let the chassis
/// hosting the port answer for the EIP; `options:stateless=true` follows the spec (default for distributed).
enum FloatingIPRows {
    static func rows(_ fip: FloatingIP, in context: MappingContext) -> Result<[DesiredRow], SyncProblem> {
        let key = ObjectKey(kind: .floatingIP, id: fip.id)
        let spec = fip.spec
        return context.view.router(spec.router).flatMap { router in
            context.eip(spec.eip).flatMap { eip in
                context.address(of: eip, family: spec.internalIP.family).flatMap { externalIP in
                    var columns: [String: Value] = [
                        "type": .string("dnat_and_snat"), "external_ip": .string(externalIP),
                        "logical_ip": .string(spec.internalIP.description),
                        "external_ids": MappingContext.externalIDs(key, fip.revision, role: "nat"),
                    ]
                    switch spec.mode {
                    case .distributed:
                        let port = spec.logicalPort ?? ""
                        switch context.view.switchPort(port).flatMap({ PortMAC.mac(of: $0) }) {
                        case .failure(let problem): return .failure(problem)
                        case .success(let mac):
                            columns["logical_port"] = .optional(port)
                            columns["external_mac"] = .optional(mac)
                        }
                    case .centralized:
                        columns["logical_port"] = .optional(nil as String?)
                        columns["external_mac"] = .optional(nil as String?)
                    }
                    // What the API shows is what NB gets, in both modes.
                    columns["options"] = .stringMap(spec.stateless ? ["stateless": "true"] : [:])
                    if let conflict = NATConflicts.find(on: router, in: context.view, owner: key, type: "dnat_and_snat",
                                                        externalIP: externalIP, logicalIP: nil) {
                        return .failure(conflict)
                    }
                    return .success([DesiredRow(table: "NAT", uuid: fip.id, columns: columns,
                                                references: [RowReference(table: "Logical_Router", uuid: router.uuid, column: "nat")])])
                }
            }
        }
    }
}
