import Foundation
import OVSDB

/// Finds a NAT row on the router that is not ours and would clash with the one we want: the
/// same `external_ip` for a 1:1 NAT, or the same `logical_ip` for an SNAT.
enum NATConflicts {
    static func find(on router: Row, in view: NBView, owner: ObjectKey, type: String, externalIP: String, logicalIP: String?) -> SyncProblem? {
        let tag = Ownership.tag(owner)
        for uuid in router.uuids("nat") {
            guard let row = view.row("NAT", uuid), NBView.owner(of: row) != tag else { continue }
            let rowType = row.string("type")
            let clash: Bool
            if type == "snat" {
                clash = rowType == "snat" && row.string("logical_ip") == logicalIP
            } else {
                clash = (rowType == "dnat_and_snat" || rowType == "dnat") && row.string("external_ip") == externalIP
            }
            guard clash else { continue }
            let who = NBView.owner(of: row).map { "owned by \($0)" } ?? "not managed by ovn-edge"
            return .conflict(table: "NAT", uuid: uuid, detail: "\(rowType) \(row.string("external_ip")) -> \(row.string("logical_ip")) on router \(router.string("name")) (\(who))")
        }
        return nil
    }
}
