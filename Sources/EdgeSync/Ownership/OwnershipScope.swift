import Foundation
import OVSDB

/// Which NB rows carrying ovn-edge's owner key belong to this deployment. Several ovn-edge
/// deployments (each with its own database) may share one NB; each stamps its id on the rows it
/// writes (`Ownership.deploymentKey`) and treats the others' rows like rows of any other tool:
/// never changed or removed, reported when they are in the way.
///
/// Rows with an owner key but no deployment key were written by an ovn-edge from before
/// deployments (legacy). Whose they are cannot be told from the row, so: a legacy row of an
/// object in our database is ours (its object's next plan rewrites `external_ids`, stamping
/// it); a legacy row of an object we do not have is left alone, not removed as an orphan,
/// unless the operator said this deployment owns them (`adoptLegacyRows`).
public struct OwnershipScope: Hashable, Sendable {
    /// Our deployment id as stamped (lowercase uuid); nil: rows are not told apart by deployment
    /// (views made by hand in unit tests), as ovn-edge did before deployments.
    public let deployment: String?
    /// Legacy rows whose object is not in our database are orphans to remove.
    public let adoptLegacyRows: Bool

    public init(deployment: UUID, adoptLegacyRows: Bool = false) {
        self.deployment = deployment.uuidString.lowercased()
        self.adoptLegacyRows = adoptLegacyRows
    }

    private init(unscoped: Void) {
        deployment = nil
        adoptLegacyRows = true
    }

    /// Every owned row is ours and orphans are removed whoever wrote them (hand-made views).
    static let unscoped = OwnershipScope(unscoped: ())

    enum Claim: Equatable {
        /// No owner key: another tool's row.
        case unmanaged
        /// Written by this deployment.
        case ours(tag: String)
        /// Written before deployments; ours only if its object is in our database.
        case legacy(tag: String)
        /// Written by another deployment.
        case foreign(tag: String, deployment: String)
    }

    func claim(_ row: Row) -> Claim {
        guard let tag = row.value(of: Ownership.ownerKey, in: "external_ids") else { return .unmanaged }
        guard let stamped = row.value(of: Ownership.deploymentKey, in: "external_ids") else {
            return deployment == nil ? .ours(tag: tag) : .legacy(tag: tag)
        }
        return deployment == nil || stamped == deployment ? .ours(tag: tag) : .foreign(tag: tag, deployment: stamped)
    }

    /// The owner tag of a row this deployment may manage (ours or legacy); nil for rows of other
    /// tools and other deployments.
    func owner(of row: Row) -> String? {
        switch claim(row) {
        case .ours(let tag), .legacy(let tag): return tag
        case .unmanaged, .foreign: return nil
        }
    }

    /// A row whose object is not in our database may be removed as an orphan.
    func mayRemoveAsOrphan(_ row: Row) -> Bool {
        switch claim(row) {
        case .ours: return true
        case .legacy: return adoptLegacyRows
        case .unmanaged, .foreign: return false
        }
    }

    /// Who owns a row that is in the way, for the conflict message.
    func ownerDescription(of row: Row) -> String {
        switch claim(row) {
        case .unmanaged: return "not managed by ovn-edge"
        case .ours(let tag), .legacy(let tag): return "owned by \(tag)"
        case .foreign(let tag, let other): return "owned by \(tag) of ovn-edge deployment \(other)"
        }
    }

    /// The row as this deployment writes it: its `external_ids` carry our deployment id.
    func stamped(_ row: DesiredRow) -> DesiredRow {
        guard let deployment, case .map(var ids) = row.columns["external_ids"] else { return row }
        ids[.string(Ownership.deploymentKey)] = .string(deployment)
        var stamped = row
        stamped.columns["external_ids"] = .map(ids)
        return stamped
    }

    /// The OVSDB writer lock of this deployment: replicas of one deployment (one database)
    /// exclude each other; deployments with different databases write side by side. Lock
    /// names must be ids (`[a-zA-Z_][a-zA-Z0-9_]*`), hence no hyphens.
    public var lockName: String {
        guard let deployment else { return "ovn_edge" }
        return "ovn_edge_" + deployment.replacingOccurrences(of: "-", with: "_")
    }
}
