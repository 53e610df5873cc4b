import Foundation
import OVSDB

/// Turns "these rows should exist" into the ops that get there from what NB holds, touching
/// only the object's own rows and the references to them:
/// inserts (explicit uuid, plus a uuid-name for references in the same transaction), updates of
/// changed managed columns, `mutate insert` of missing references, `mutate delete` of
/// references that should not be there, and deletes of owned rows no longer wanted.
/// Inserts and the mutates that reference them always come together, so a non-root row is
/// referenced in the transaction that creates it.
enum RowDiffer {
    static func operations(desired: [DesiredRow], owned: [OwnedRow], view: NBView) -> [OVSDBOperation] {
        var inserts: [OVSDBOperation] = [], updates: [OVSDBOperation] = []
        var linkOps: [OVSDBOperation] = [], unlinkOps: [OVSDBOperation] = [], deletes: [OVSDBOperation] = []
        // Arrays and the view's own sets rather than new sets per row: an object has one to a
        // few rows and references, and the planner runs this for every object of a pass.
        for row in desired {
            let existing = view.row(row.table, row.uuid)
            let atom: Atom
            if let existing {
                let changed = row.columns.filter { existing.columns[$0.key] != $0.value }
                if !changed.isEmpty { updates.append(.update(table: row.table, where: [.uuid(row.uuid)], row: changed)) }
                atom = .uuid(row.uuid)
            } else {
                let name = uuidName(row.uuid)
                inserts.append(.insert(table: row.table, row: row.columns, uuid: row.uuid, uuidName: name))
                atom = .namedUUID(name)
            }
            let current = view.referrerSet(of: row.uuid)
            for reference in row.references where !current.contains(reference) {
                linkOps.append(.mutate(table: reference.table, where: [.uuid(reference.uuid)],
                                       mutations: [.insert(reference.column, .set([atom]))]))
            }
            for reference in current.filter({ !row.references.contains($0) }).sorted(by: order) {
                unlinkOps.append(unlink(row.uuid, from: reference))
            }
        }
        for stale in owned where !desired.contains(where: { $0.uuid == stale.uuid }) {
            for reference in view.referrers(of: stale.uuid).sorted(by: order) { unlinkOps.append(unlink(stale.uuid, from: reference)) }
            deletes.append(.delete(table: stale.table, where: [.uuid(stale.uuid)]))
        }
        return inserts + updates + linkOps + unlinkOps + deletes
    }

    /// A valid uuid-name (`[_a-zA-Z][_a-zA-Z0-9]*`) that is unique per row.
    static func uuidName(_ uuid: UUID) -> String {
        var name = Array("row".utf8)
        name.reserveCapacity(35)
        for byte in uuid.ovsdbString.utf8 where byte != UInt8(ascii: "-") { name.append(byte) }
        return String(decoding: name, as: UTF8.self)
    }

    private static func unlink(_ uuid: UUID, from reference: RowReference) -> OVSDBOperation {
        .mutate(table: reference.table, where: [.uuid(reference.uuid)], mutations: [.delete(reference.column, uuids: [uuid])])
    }

    private static func order(_ a: RowReference, _ b: RowReference) -> Bool {
        (a.table, a.column) != (b.table, b.column) ? (a.table, a.column) < (b.table, b.column) : a.uuid.precedes(b.uuid)
    }
}
