import EdgeCore
import EdgeStore
import Foundation

/// Reads the objects a pass works on from the store.
struct DesiredStateLoader: Sendable {
    let store: Store

    /// Every stored object (so anything else ovn-edge owns in NB is an orphan). The EIPs'
    /// addressing, often half of all rows, loads on another thread meanwhile.
    func loadAll() throws -> DesiredState {
        let eips = Guarded<Result<[UUID: EIPAddressing], any Error>>(.success([:]))
        let loaded = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { [self] in
            let result = Result { try store.eips.allAddressing() }
            eips.update { $0 = result }
            loaded.signal()
        }
        var state = DesiredState()
        state.networks = try all(store.networks)
        state.gateways = try all(store.routerGateways)
        state.nodeGateways = try all(store.nodeGateways)
        state.fips = try all(store.fips)
        state.snats = try all(store.snatRules)
        state.dnats = try all(store.dnatRules)
        state.mirrors = try all(store.mirrors)
        loaded.wait() // (after a throw above the other thread simply finishes on its own)
        state.eips = try eips.get().get()
        for kind in DesiredState.syncedKinds {
            state.targets.formUnion(ids(kind, in: state).map { ObjectKey(kind: kind, id: $0) })
        }
        state.isComplete = true
        return state
    }

    /// The objects waiting for the reconciler (pending, error, deleting) and what they refer to.
    /// A full first page of them (a bulk create, a backlog) is loaded by listing instead.
    func loadUnsynced(pageSize: Int = 1000) throws -> DesiredState {
        var state = DesiredState()
        var after: Int64 = 0
        while true {
            let items = try store.sync.pending(kinds: DesiredState.syncedKinds, afterChangeSeq: after, limit: pageSize)
            if after == 0 && items.count == pageSize { return try loadUnsyncedByListing() }
            try load(items.map { ObjectKey(kind: $0.kind, id: $0.id) }, into: &state)
            guard items.count == pageSize, let last = items.last else { break }
            after = last.changeSeq
        }
        return state
    }

    /// Many waiting objects: every kind's non-ready objects by listing, and every network and
    /// EIP addressing they may refer to, instead of by id (when that was one read per object and
    /// per reference, 10,000 bulk-created FIPs took ~3 s to load).
    func loadUnsyncedByListing() throws -> DesiredState {
        var state = DesiredState()
        state.networks = try all(store.networks)
        state.eips = try store.eips.allAddressing()
        for phase in SyncPhase.allCases where phase != .ready {
            state.gateways.merge(try all(store.routerGateways, phase: phase)) { $1 }
            state.nodeGateways.merge(try all(store.nodeGateways, phase: phase)) { $1 }
            state.fips.merge(try all(store.fips, phase: phase)) { $1 }
            state.snats.merge(try all(store.snatRules, phase: phase)) { $1 }
            state.dnats.merge(try all(store.dnatRules, phase: phase)) { $1 }
            state.mirrors.merge(try all(store.mirrors, phase: phase)) { $1 }
        }
        for kind in DesiredState.syncedKinds {
            for id in ids(kind, in: state) {
                let key = ObjectKey(kind: kind, id: id)
                if let header = state.header(key), header.status.phase != .ready { state.targets.insert(key) }
            }
        }
        return state
    }

    /// Adds these objects (and what they refer to) to `state`; those not in the store are
    /// skipped. One read transaction per kind and one for each kind of reference, not one per
    /// object and reference (each cost ~50 µs besides the row: a steady stream of single
    /// creates made the reconciler spend ~150 µs per FIP loading it).
    func load(_ keys: [ObjectKey], into state: inout DesiredState) throws {
        var ids: [ResourceKind: [UUID]] = [:]
        for key in keys where !state.targets.contains(key) { ids[key.kind, default: []].append(key.id) }
        var eips = Set<UUID>(), networks = Set<UUID>()
        for (kind, ids) in ids {
            let found: [UUID]
            switch kind {
            case .externalNetwork:
                found = merge(try store.networks.find(ids: ids), into: &state.networks)
            case .routerGateway:
                let gateways = try store.routerGateways.find(ids: ids)
                found = merge(gateways, into: &state.gateways)
                for gateway in gateways.values { refer(gateway.spec.network, gateway.spec.eip, networks: &networks, eips: &eips) }
            case .nodeGateway:
                let gateways = try store.nodeGateways.find(ids: ids)
                found = merge(gateways, into: &state.nodeGateways)
                for gateway in gateways.values { refer(gateway.spec.network, gateway.spec.eip, networks: &networks, eips: &eips) }
            case .floatingIP:
                let fips = try store.fips.find(ids: ids)
                found = merge(fips, into: &state.fips)
                eips.formUnion(fips.values.compactMap { $0.spec.eip.id })
            case .snatRule:
                let rules = try store.snatRules.find(ids: ids)
                found = merge(rules, into: &state.snats)
                eips.formUnion(rules.values.compactMap { $0.spec.eip.id })
            case .dnatRule:
                let rules = try store.dnatRules.find(ids: ids)
                found = merge(rules, into: &state.dnats)
                eips.formUnion(rules.values.compactMap { $0.spec.eip.id })
            case .mirror:
                found = merge(try store.mirrors.find(ids: ids), into: &state.mirrors)
            case .eip:
                found = []
            }
            state.targets.formUnion(found.map { ObjectKey(kind: kind, id: $0) })
        }
        state.eips.merge(try store.eips.addressing(of: eips.filter { state.eips[$0] == nil })) { $1 }
        _ = merge(try store.networks.find(ids: networks.filter { state.networks[$0] == nil }), into: &state.networks)
    }

    /// Notes the network and EIP a gateway refers to, to load with the others.
    private func refer(_ network: ResourceReference, _ eip: ResourceReference?, networks: inout Set<UUID>, eips: inout Set<UUID>) {
        if let id = network.id { networks.insert(id) }
        if let id = eip?.id { eips.insert(id) }
    }

    /// Adds `found` to `objects`; returns the ids added.
    private func merge<Spec>(_ found: [UUID: Resource<Spec>], into objects: inout [UUID: Resource<Spec>]) -> [UUID] {
        objects.merge(found) { $1 }
        return Array(found.keys)
    }

    private func all<Spec: ResourceSpec>(_ repository: Repository<Spec>, phase: SyncPhase? = nil) throws -> [UUID: Resource<Spec>] {
        var out: [UUID: Resource<Spec>] = [:]
        var token: String? = nil
        repeat {
            let page = try repository.list(ListQuery(phase: phase, limit: ListQuery.maximumLimit, pageToken: token))
            for item in page.items { out[item.id] = item }
            token = page.nextPageToken
        } while token != nil
        return out
    }

    private func ids(_ kind: ResourceKind, in state: DesiredState) -> [UUID] {
        switch kind {
        case .externalNetwork: return Array(state.networks.keys)
        case .routerGateway: return Array(state.gateways.keys)
        case .nodeGateway: return Array(state.nodeGateways.keys)
        case .floatingIP: return Array(state.fips.keys)
        case .snatRule: return Array(state.snats.keys)
        case .dnatRule: return Array(state.dnats.keys)
        case .mirror: return Array(state.mirrors.keys)
        case .eip: return []
        }
    }
}
