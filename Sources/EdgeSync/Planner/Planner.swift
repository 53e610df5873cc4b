import EdgeCore
import Foundation
import OVSDB

/// Decides, from NB as cached and the stored objects, what each object needs. Pure: no I/O.
struct Planner: Sendable {
    let context: MappingContext

    init(view: NBView, desired: DesiredState, mirrorFilterBoth: Bool) {
        context = MappingContext(view: view, desired: desired, mirrorFilterBoth: mirrorFilterBoth)
    }

    /// Plans for the objects of one dependency tier.
    func plans(for keys: [ObjectKey]) -> [ObjectPlan] {
        keys.compactMap(plan)
    }

    func plan(_ key: ObjectKey) -> ObjectPlan? {
        guard let header = context.desired.header(key) else { return nil }
        let deleting = header.status.phase == .deleting
        let owned = context.view.owned(by: key)
        // Every row we write carries our deployment id, so other deployments leave it alone.
        let desiredRows: Result<[DesiredRow], SyncProblem> = deleting ? .success([]) : rows(for: key).map { $0.map(context.view.ownership.stamped) }
        let action: ObjectPlan.Action
        switch desiredRows {
        case .failure(let problem): action = .blocked(problem)
        case .success(let rows):
            let ops = RowDiffer.operations(desired: rows, owned: owned, view: context.view)
            action = ops.isEmpty ? .upToDate : .write(ops)
        }
        return ObjectPlan(key: key, revision: header.revision, deleting: deleting, orphan: false, action: action)
    }

    /// Owned rows whose object is not in the store any more (a crash between the NB delete and
    /// the purge, a restored or lost database): removed, if this deployment wrote them (legacy
    /// rows only when `OwnershipScope.adoptLegacyRows`). Only meaningful on a complete load.
    func orphanPlans() -> [ObjectPlan] {
        guard context.desired.isComplete else { return [] }
        return orphanPlans(tags: context.view.ownerTags.filter { tag in
            Ownership.parse(tag).map { !context.desired.contains($0) } ?? true
        })
    }

    /// Plans removing every row that carries one of these owner tags, whose objects the caller
    /// found missing from the store (a drift pass judges only the tags it saw change).
    func orphanPlans<S: Sequence>(tags: S) -> [ObjectPlan] where S.Element == String {
        var plans: [ObjectPlan] = []
        for tag in tags.sorted() {
            let rows = context.view.owned(tag: tag).filter { context.view.ownership.mayRemoveAsOrphan($0.row) }
            let ops = RowDiffer.operations(desired: [], owned: rows, view: context.view)
            guard !ops.isEmpty else { continue }
            // An unparsable tag still carries our key: it is ours, and nobody will claim it.
            let planKey = Ownership.parse(tag) ?? ObjectKey(kind: .eip, id: DerivedUUID.make(Self.unparsableOwner, role: tag))
            plans.append(ObjectPlan(key: planKey, revision: 0, deleting: true, orphan: true, action: .write(ops)))
        }
        return plans
    }

    private static let unparsableOwner = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!

    private func rows(for key: ObjectKey) -> Result<[DesiredRow], SyncProblem> {
        let desired = context.desired
        switch key.kind {
        case .externalNetwork: return desired.networks[key.id].map { ExternalNetworkRows.rows($0, in: context) } ?? .success([])
        case .routerGateway: return desired.gateways[key.id].map { RouterGatewayRows.rows($0, in: context) } ?? .success([])
        case .nodeGateway: return desired.nodeGateways[key.id].map { NodeGatewayRows.rows($0, in: context) } ?? .success([])
        case .floatingIP: return desired.fips[key.id].map { FloatingIPRows.rows($0, in: context) } ?? .success([])
        case .snatRule: return desired.snats[key.id].map { SNATRows.rows($0, in: context) } ?? .success([])
        case .dnatRule: return desired.dnats[key.id].map { DNATRows.rows($0, in: context) } ?? .success([])
        case .mirror: return desired.mirrors[key.id].map { MirrorRows.rows($0, in: context) } ?? .success([])
        case .eip: return .success([])
        }
    }
}
