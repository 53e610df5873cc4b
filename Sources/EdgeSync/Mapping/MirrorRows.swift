import EdgeCore
import Foundation
import OVSDB

/// A mirror is a `Mirror` row (root: deleted explicitly) named after the API object, attached
/// to each of its ports through `Logical_Switch_Port.mirror_rules`. Filter `both` on a schema
/// without it (NB 7.0.0 / OVN 23.03) becomes two rows, `<name>-from-lport` and
/// `<name>-to-lport`; a schema that has it gets one row.
enum MirrorRows {
    static func rows(_ mirror: Mirror, in context: MappingContext) -> Result<[DesiredRow], SyncProblem> {
        let key = ObjectKey(kind: .mirror, id: mirror.id)
        let spec = mirror.spec
        let view = context.view
        let name = mirror.name ?? mirror.id.uuidString.lowercased()
        var ports: [UUID] = []
        for port in spec.ports {
            switch view.switchPort(port) {
            case .failure(let problem): return .failure(problem)
            case .success(let row): ports.append(row.uuid)
            }
        }
        let variants: [(filter: String, name: String, uuid: UUID)]
        if spec.filter == .both && !context.mirrorFilterBoth {
            variants = [("from-lport", "\(name)-from-lport", DerivedUUID.make(mirror.id, role: "from-lport")),
                        ("to-lport", "\(name)-to-lport", DerivedUUID.make(mirror.id, role: "to-lport"))]
        } else {
            variants = [(spec.filter.rawValue, name, mirror.id)]
        }
        var rows: [DesiredRow] = []
        for variant in variants {
            if let problem = view.foreignNamed("Mirror", variant.name, notOwnedBy: key) { return .failure(problem) }
            rows.append(DesiredRow(table: "Mirror", uuid: variant.uuid, columns: [
                "name": .string(variant.name), "type": .string(spec.type.rawValue), "index": .integer(Int(spec.index)),
                "filter": .string(variant.filter), "sink": .string(spec.sink.description),
                "external_ids": MappingContext.externalIDs(key, mirror.revision, role: "mirror-\(variant.filter)"),
            ], references: ports.map { RowReference(table: "Logical_Switch_Port", uuid: $0, column: "mirror_rules") }))
        }
        return .success(rows)
    }
}
