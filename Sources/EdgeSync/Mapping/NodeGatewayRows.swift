import EdgeCore
import Foundation
import OVSDB

/// A node gateway is one plain VIF `Logical_Switch_Port` (uuid = the gateway's id, `type` "") on
/// the external network's switch, named after the node (or the gateway's `port`), with
/// `addresses = ["<mac> <ipv4> <ipv6>"]` from its EIP, as the seed's
/// `port kube-ovn-worker  addresses: ["00:00:00:02:6A:FB 172.19.0.7"]`. Like the seed's node
/// ports it has no port security and no options. LSP names are unique in all of NB, so a port of
/// that name anywhere that is not ours is a conflict naming that row.
enum NodeGatewayRows {
    static func rows(_ gateway: NodeGateway, in context: MappingContext) -> Result<[DesiredRow], SyncProblem> {
        let key = ObjectKey(kind: .nodeGateway, id: gateway.id)
        let spec = gateway.spec
        let view = context.view
        guard let eipReference = spec.eip else { return .failure(.missingObject(.eip, nil)) }
        return context.network(spec.network).flatMap { network in
            view.logicalSwitch(MappingContext.switchName(of: network)).flatMap { logicalSwitch in
                context.eip(eipReference).flatMap { eip in
                    if let problem = view.foreignNamed("Logical_Switch_Port", spec.portName, notOwnedBy: key) { return .failure(problem) }
                    guard let address = addresses(of: eip) else { return .failure(.noAddress(eip: eip.id, family: .v4)) }
                    return .success([DesiredRow(table: "Logical_Switch_Port", uuid: gateway.id, columns: [
                        "name": .string(spec.portName), "type": .string(""), "addresses": .stringSet([address]),
                        "port_security": .emptySet, "options": .emptyMap,
                        "external_ids": MappingContext.externalIDs(key, gateway.revision, role: "node-port"),
                    ], references: [RowReference(table: "Logical_Switch", uuid: logicalSwitch.uuid, column: "ports")])])
                }
            }
        }
    }

    /// `"<mac> <ipv4> <ipv6>"` with the addresses the EIP has; nil without an address.
    static func addresses(of eip: EIPAddressing) -> String? {
        let ips = [eip.ipV4?.description, eip.ipV6?.description].compactMap { $0 }
        return ips.isEmpty ? nil : ([eip.mac.description] + ips).joined(separator: " ")
    }
}
