import EdgeCore
import EdgeStore
import Foundation

/// Reads the objects a pass works on from the store.
struct DesiredStateLoader: Sendable {
    let store: Store

    /// Every stored object (so anything else ovn-edge owns in NB is an orphan). EIPs, about
    /// half of all objects at ~25 µs of decoding each, load on another thread meanwhile.
    func loadAll() throws -> DesiredState {
        let eips = Guarded<Result<[UUID: EIP], any Error>>(.success([:]))
        let loaded = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { [self] in
            let result = Result { try all(store.eips) }
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
            for item in items { try load(ObjectKey(kind: item.kind, id: item.id), into: &state) }
            guard items.count == pageSize, let last = items.last else { break }
            after = last.changeSeq
        }
        return state
    }

    /// Many waiting objects: every kind's non-ready objects by listing, and every network and
    /// EIP they may refer to (~25 µs an object), instead of one read per object and per
    /// reference (~150 µs each: 10,000 bulk-created FIPs took ~3 s to load one by one).
    func loadUnsyncedByListing() throws -> DesiredState {
        var state = DesiredState()
        state.networks = try all(store.networks)
        state.eips = try all(store.eips)
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

    /// Adds these objects (and what they refer to) to `state`; those not in the store are skipped.
    func load(_ keys: [ObjectKey], into state: inout DesiredState) throws {
        for key in keys where !state.targets.contains(key) { try load(key, into: &state) }
    }

    private func load(_ key: ObjectKey, into state: inout DesiredState) throws {
        let reference = ResourceReference.id(key.id)
        switch key.kind {
        case .externalNetwork:
            guard let network = try store.networks.find(reference) else { return }
            state.networks[key.id] = network
        case .routerGateway:
            guard let gateway = try store.routerGateways.find(reference) else { return }
            state.gateways[key.id] = gateway
            try loadNetwork(gateway.spec.network, into: &state)
            if let eip = gateway.spec.eip { try loadEIP(eip, into: &state) }
        case .nodeGateway:
            guard let gateway = try store.nodeGateways.find(reference) else { return }
            state.nodeGateways[key.id] = gateway
            try loadNetwork(gateway.spec.network, into: &state)
            if let eip = gateway.spec.eip { try loadEIP(eip, into: &state) }
        case .floatingIP:
            guard let fip = try store.fips.find(reference) else { return }
            state.fips[key.id] = fip
            try loadEIP(fip.spec.eip, into: &state)
        case .snatRule:
            guard let rule = try store.snatRules.find(reference) else { return }
            state.snats[key.id] = rule
            try loadEIP(rule.spec.eip, into: &state)
        case .dnatRule:
            guard let rule = try store.dnatRules.find(reference) else { return }
            state.dnats[key.id] = rule
            try loadEIP(rule.spec.eip, into: &state)
        case .mirror:
            guard let mirror = try store.mirrors.find(reference) else { return }
            state.mirrors[key.id] = mirror
        case .eip:
            return
        }
        state.targets.insert(key)
    }

    private func loadEIP(_ reference: ResourceReference, into state: inout DesiredState) throws {
        guard let id = reference.id, state.eips[id] == nil, let eip = try store.eips.find(reference) else { return }
        state.eips[id] = eip
    }

    private func loadNetwork(_ reference: ResourceReference, into state: inout DesiredState) throws {
        guard let id = reference.id, state.networks[id] == nil, let network = try store.networks.find(reference) else { return }
        state.networks[id] = network
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
