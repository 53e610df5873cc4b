import EdgeCore
import EdgeStore
import Foundation

/// Which change-log entries a project-scoped token may see: those of objects of its project, and
/// of external networks (shared by every project). An entry's project comes from its snapshot
/// (`after`, else `before`); status and bind entries carry none, so the object is looked up
/// (once per object and request).
final class EventVisibility {
    let store: Store
    let principal: Principal
    private var projects: [UUID: String?] = [:]

    init(store: Store, principal: Principal) {
        self.store = store
        self.principal = principal
    }

    func visible(_ entry: ChangeEntry) throws -> Bool {
        guard let scope = principal.project else { return true }
        if entry.objectKind == .externalNetwork { return true }
        if let project = Self.snapshotProject(entry.after) ?? Self.snapshotProject(entry.before) { return project == scope }
        return try project(of: entry) == scope
    }

    private func project(of entry: ChangeEntry) throws -> String? {
        if let known = projects[entry.objectID] { return known }
        let project: String? = switch entry.objectKind {
        case .externalNetwork: nil
        case .eip: try store.eips.find(.id(entry.objectID))?.metadata.project
        case .routerGateway: try store.routerGateways.find(.id(entry.objectID))?.metadata.project
        case .nodeGateway: try store.nodeGateways.find(.id(entry.objectID))?.metadata.project
        case .floatingIP: try store.fips.find(.id(entry.objectID))?.metadata.project
        case .snatRule: try store.snatRules.find(.id(entry.objectID))?.metadata.project
        case .dnatRule: try store.dnatRules.find(.id(entry.objectID))?.metadata.project
        case .mirror: try store.mirrors.find(.id(entry.objectID))?.metadata.project
        }
        projects[entry.objectID] = project
        return project
    }

    static func snapshotProject(_ snapshot: String?) -> String? {
        guard let snapshot, let data = snapshot.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["project"] as? String
    }
}
