import EdgeCore
import Foundation

/// The stored objects one pass works on, plus the networks they refer to and the addressing of
/// the EIPs they use (all an NB row takes from an EIP). A full pass
/// holds every object (so owned NB rows of anything else are orphans); an incremental pass
/// only the objects waiting for the reconciler.
struct DesiredState: Sendable {
    var networks: [UUID: ExternalNetwork] = [:]
    var eips: [UUID: EIPAddressing] = [:]
    var gateways: [UUID: RouterGateway] = [:]
    var nodeGateways: [UUID: NodeGateway] = [:]
    var fips: [UUID: FloatingIP] = [:]
    var snats: [UUID: SNATRule] = [:]
    var dnats: [UUID: DNATRule] = [:]
    var mirrors: [UUID: Mirror] = [:]
    /// Objects to plan (networks and EIPs may be here only as references).
    var targets: Set<ObjectKey> = []
    /// Whether every stored object was loaded (orphans can be judged).
    var isComplete = false

    /// The object's revision and status, if loaded.
    func header(_ key: ObjectKey) -> (revision: Int64, status: SyncStatus, name: String?)? {
        switch key.kind {
        case .externalNetwork: return networks[key.id].map { ($0.revision, $0.status, $0.name) }
        case .eip: return nil // EIPs own no NB rows: never a target
        case .routerGateway: return gateways[key.id].map { ($0.revision, $0.status, $0.name) }
        case .nodeGateway: return nodeGateways[key.id].map { ($0.revision, $0.status, $0.name) }
        case .floatingIP: return fips[key.id].map { ($0.revision, $0.status, $0.name) }
        case .snatRule: return snats[key.id].map { ($0.revision, $0.status, $0.name) }
        case .dnatRule: return dnats[key.id].map { ($0.revision, $0.status, $0.name) }
        case .mirror: return mirrors[key.id].map { ($0.revision, $0.status, $0.name) }
        }
    }

    func contains(_ key: ObjectKey) -> Bool { header(key) != nil }

    /// Objects to plan, in dependency order: networks (switches) before gateways (router and
    /// node ports), before NAT/LB rules and mirrors, each kind oldest first.
    var orderedTargets: [[ObjectKey]] {
        Self.tiers.map { kinds in
            targets.filter { kinds.contains($0.kind) }.sorted { $0.kind != $1.kind ? $0.kind.rawValue < $1.kind.rawValue : $0.id.precedes($1.id) }
        }.filter { !$0.isEmpty }
    }

    static let tiers: [[ResourceKind]] = [[.externalNetwork], [.routerGateway, .nodeGateway], [.floatingIP, .snatRule, .dnatRule, .mirror]]
    /// Kinds that have NB rows.
    static let syncedKinds: [ResourceKind] = tiers.flatMap { $0 }
}
