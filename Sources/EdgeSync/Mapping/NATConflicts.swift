import Foundation
import OVSDB

/// Finds a NAT row on the router that is not ours and would clash with the one we want: the
/// same `external_ip` for a 1:1 NAT, or the same `logical_ip` for an SNAT. A lookup in the
/// pass's `NBIndex`, not a walk over the router's NAT rows.
enum NATConflicts {
    static func find(on router: Row, in view: NBView, owner: ObjectKey, type: String, externalIP: String, logicalIP: String?) -> SyncProblem? {
        let tag = Ownership.tag(owner)
        let candidates: [Row]
        if type == "snat" {
            guard let logicalIP else { return nil }
            candidates = view.index.snat(on: router.uuid, logicalIP: logicalIP)
        } else {
            candidates = view.index.oneToOneNAT(on: router.uuid, externalIP: externalIP)
        }
        for row in candidates {
            guard view.owner(of: row) != tag else { continue }
            let rowType = row.string("type")
            let uuid = row.uuid
            let who = view.ownerDescription(of: row)
            return .conflict(table: "NAT", uuid: uuid, detail: "\(rowType) \(row.string("external_ip")) -> \(row.string("logical_ip")) on router \(router.string("name")) (\(who))")
        }
        return nil
    }
}
