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
    /// Those this process's writes just stored come from `FreshObjects` (at the change
    /// sequence the rows list them at), the others from the rows: by id, or, from a page of
    /// them on (a backlog after a restart), by listing.
    func loadUnsynced(pageSize: Int = 1000) throws -> DesiredState {
        var state = DesiredState()
        var unread: [ObjectKey] = []
        var after: Int64 = 0
        while true {
            let items = try store.sync.pending(kinds: DesiredState.syncedKinds, afterChangeSeq: after, limit: pageSize)
            for item in items where !takeFresh(item, into: &state) { unread.append(ObjectKey(kind: item.kind, id: item.id)) }
            if unread.count >= pageSize { return try loadUnsyncedByListing() }
            guard items.count == pageSize, let last = items.last else { break }
            after = last.changeSeq
        }
        try load(unread, into: &state) // and what all of them refer to
        return state
    }

    /// Moves the object into `state` (a target) if `FreshObjects` holds it as the rows do.
    private func takeFresh(_ item: SyncItem, into state: inout DesiredState) -> Bool {
        let fresh = store.freshObjects
        switch item.kind {
        case .externalNetwork: return put(fresh.take(item, as: ExternalNetworkSpec.self), \.networks, &state)
        case .routerGateway: return put(fresh.take(item, as: RouterGatewaySpec.self), \.gateways, &state)
        case .nodeGateway: return put(fresh.take(item, as: NodeGatewaySpec.self), \.nodeGateways, &state)
        case .floatingIP: return put(fresh.take(item, as: FloatingIPSpec.self), \.fips, &state)
        case .snatRule: return put(fresh.take(item, as: SNATRuleSpec.self), \.snats, &state)
        case .dnatRule: return put(fresh.take(item, as: DNATRuleSpec.self), \.dnats, &state)
        case .mirror: return put(fresh.take(item, as: MirrorSpec.self), \.mirrors, &state)
        case .eip: return false
        }
    }

    private func put<Spec>(_ object: Resource<Spec>?, _ objects: WritableKeyPath<DesiredState, [UUID: Resource<Spec>]>,
                           _ state: inout DesiredState) -> Bool {
        guard let object else { return false }
        state[keyPath: objects][object.id] = object
        state.targets.insert(ObjectKey(kind: Spec.kind, id: object.id))
        return true
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
        for (kind, ids) in ids {
            let found: [UUID]
            switch kind {
            case .externalNetwork: found = merge(try store.networks.find(ids: ids), into: &state.networks)
            case .routerGateway: found = merge(try store.routerGateways.find(ids: ids), into: &state.gateways)
            case .nodeGateway: found = merge(try store.nodeGateways.find(ids: ids), into: &state.nodeGateways)
            case .floatingIP: found = merge(try store.fips.find(ids: ids), into: &state.fips)
            case .snatRule: found = merge(try store.snatRules.find(ids: ids), into: &state.snats)
            case .dnatRule: found = merge(try store.dnatRules.find(ids: ids), into: &state.dnats)
            case .mirror: found = merge(try store.mirrors.find(ids: ids), into: &state.mirrors)
            case .eip: found = []
            }
            state.targets.formUnion(found.map { ObjectKey(kind: kind, id: $0) })
        }
        try loadReferences(into: &state)
    }

    /// The EIPs (their addressing) and networks that objects in `state` refer to and `state`
    /// lacks: EIPs from the store's cache or by id, all of them when a thousand are not cached
    /// (one scan of five columns costs less than a thousand lookups).
    func loadReferences(into state: inout DesiredState) throws {
        var eips = Set<UUID>(), networks = Set<UUID>()
        func refer(_ network: ResourceReference?, _ eip: ResourceReference?) {
            if let id = network?.id, state.networks[id] == nil { networks.insert(id) }
            if let id = eip?.id, state.eips[id] == nil { eips.insert(id) }
        }
        for gateway in state.gateways.values { refer(gateway.spec.network, gateway.spec.eip) }
        for gateway in state.nodeGateways.values { refer(gateway.spec.network, gateway.spec.eip) }
        for fip in state.fips.values { refer(nil, fip.spec.eip) }
        for rule in state.snats.values { refer(nil, rule.spec.eip) }
        for rule in state.dnats.values { refer(nil, rule.spec.eip) }
        if !eips.isEmpty {
            let cached = store.eips.cachedAddressing(of: eips)
            state.eips.merge(cached) { $1 }
            if eips.count - cached.count >= 1000 {
                state.eips.merge(try store.eips.allAddressing()) { old, _ in old }
            } else if eips.count > cached.count {
                state.eips.merge(try store.eips.addressing(of: eips.filter { cached[$0] == nil })) { $1 }
            }
        }
        if !networks.isEmpty { _ = merge(try store.networks.find(ids: networks), into: &state.networks) }
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
