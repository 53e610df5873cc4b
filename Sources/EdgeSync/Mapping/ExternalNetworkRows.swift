import EdgeCore
import Foundation
import OVSDB

/// An external network references an existing `Logical_Switch` by name (one ovn-edge does not
/// manage), or — when the spec names none — creates and owns one under the network's name
/// (uuid = the network's id).
/// With `localnet_network`, a `localnet` port `ln-<switch>` (`addresses=unknown`,
/// `options:network_name`) joins the switch to the physical network.
enum ExternalNetworkRows {
    static func rows(_ network: ExternalNetwork, in context: MappingContext) -> Result<[DesiredRow], SyncProblem> {
        let key = ObjectKey(kind: .externalNetwork, id: network.id)
        let view = context.view
        let switchName = MappingContext.switchName(of: network)
        let ids = { (role: String) in MappingContext.externalIDs(key, network.revision, role: role) }
        var rows: [DesiredRow] = []
        let switchUUID: UUID
        if network.spec.logicalSwitch != nil {
            switch view.logicalSwitch(switchName) {
            case .failure(let problem): return .failure(problem)
            case .success(let row) where view.managedByAnother(row, than: key):
                // Deleting that network deletes the switch, and OVSDB then drops every port on
                // it — ours included.
                return .failure(.conflict(table: "Logical_Switch", uuid: row.uuid,
                                          detail: "switch \(switchName) is the switch of another ovn-edge network (\(view.ownerDescription(of: row))) and goes with it; name a switch ovn-edge does not manage"))
            case .success(let row): switchUUID = row.uuid
            }
        } else {
            let tag = Ownership.tag(key)
            if let foreign = view.rows("Logical_Switch", named: switchName).first(where: { view.owner(of: $0) != tag }) {
                return .failure(.conflict(table: "Logical_Switch", uuid: foreign.uuid,
                                          detail: "a switch named \(switchName) already exists; set logical_switch to use it"))
            }
            switchUUID = network.id
            rows.append(DesiredRow(table: "Logical_Switch", uuid: network.id,
                                   columns: ["name": .string(switchName), "external_ids": ids("switch")], references: []))
        }
        if let physical = network.spec.localnetNetwork {
            let portName = "ln-\(switchName)"
            if let problem = view.foreignNamed("Logical_Switch_Port", portName, notOwnedBy: key) { return .failure(problem) }
            rows.append(DesiredRow(table: "Logical_Switch_Port", uuid: DerivedUUID.make(network.id, role: "localnet"), columns: [
                "name": .string(portName), "type": .string("localnet"), "addresses": .stringSet(["unknown"]),
                "options": .stringMap(["network_name": physical]), "external_ids": ids("localnet"),
            ], references: [RowReference(table: "Logical_Switch", uuid: switchUUID, column: "ports")]))
        }
        return .success(rows)
    }
}
