import EdgeCore
import Foundation
import OVSDB

/// The `external_ids` keys that mark an NB row as ovn-edge's. A row without `ownerKey` is never
/// modified or deleted; a row with it belongs to the object named by its value, in the
/// deployment named by `deploymentKey` (see `OwnershipScope` for rows of other deployments and
/// rows written before deployments existed).
public enum Ownership {
    /// `<kind>/<id>`, e.g. `fip/6f1c…`.
    public static let ownerKey = "ovn-edge:owner"
    /// The object's revision the row was written for.
    public static let revisionKey = "ovn-edge:revision"
    /// Which of the object's rows this is (`nat`, `lrp`, `route-ipv4`, …).
    public static let roleKey = "ovn-edge:role"
    /// The deployment (one ovn-edge database) that wrote the row: `Store.deploymentID()`.
    public static let deploymentKey = "ovn-edge:deployment"

    public static func tag(_ key: ObjectKey) -> String { key.kind.rawValue + "/" + key.id.ovsdbString }

    /// The object a tag names, or nil when the tag is not one ovn-edge writes.
    public static func parse(_ tag: String) -> ObjectKey? {
        guard let slash = tag.lastIndex(of: "/"),
              let kind = ResourceKind(rawValue: String(tag[..<slash])),
              let id = UUID(ovsdb: String(tag[tag.index(after: slash)...]))
        else { return nil }
        return ObjectKey(kind: kind, id: id)
    }
}
