import EdgeCore
import EdgeStore
import Foundation
import Testing

/// EIP usages (issue 11) and node gateways in the store: what each usage allows, how gateways
/// take or allocate their EIP, uniqueness, and the filters and history that show it all.
@Suite struct NodeGatewayStoreTests {
    func nodeGateway(_ store: Store, node: String, network: String = "public", eip: String? = nil, port: String? = nil,
                     context: ChangeContext = .system) throws -> NodeGateway {
        try store.nodeGateways.create(ResourceInput(spec: NodeGatewaySpec(node: node, network: .name(network), eip: eip.map(ResourceReference.init), port: port)),
                                      context: context)
    }

    @Test func natRulesRefuseGatewayEIPsAndGatewaysRefuseBusyOrForeignUsageEIPs() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try fixture.network()
        let nat = try fixture.eip(name: "nat")
        #expect(nat.spec.usage == .nat)
        let lrp = try store.eips.create(ResourceInput(name: "lrp", spec: EIPSpec(network: .name("public"), usage: .routerGateway)), context: fixture.user)
        #expect(lrp.spec.usage == .routerGateway)

        // A NAT rule on a gateway EIP: refused, naming both usages; nothing is written.
        let before = try store.changeLog.latestID()
        #expect(throws: StoreError.eipUsageMismatch(lrp.reference, usage: .routerGateway, required: .nat)) {
            try store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .name("lrp"), router: "r1", internalIP: IPAddress("10.0.0.5")!)), context: fixture.user)
        }
        #expect(throws: StoreError.self) {
            try store.snatRules.create(ResourceInput(spec: SNATRuleSpec(eip: .name("lrp"), router: "r1", internalCIDR: IPCIDR("10.0.0.0/24")!)), context: fixture.user)
        }
        #expect(try store.changeLog.latestID() == before)
        #expect(StoreError.eipUsageMismatch(lrp.reference, usage: .routerGateway, required: .nat).code == "eip-usage-mismatch")

        // A nat EIP backs one FIP, SNAT and DNAT rules at once (the seed's eips).
        _ = try store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .name("nat"), router: "r1", internalIP: IPAddress("10.0.0.5")!)), context: fixture.user)
        _ = try store.snatRules.create(ResourceInput(spec: SNATRuleSpec(eip: .name("nat"), router: "r1", internalCIDR: IPCIDR("10.0.0.0/24")!)), context: fixture.user)
        _ = try store.dnatRules.create(ResourceInput(spec: DNATRuleSpec(eip: .name("nat"), router: "r1", protocol: .tcp, externalPort: Port(80)!,
                                                                        internalIP: IPAddress("10.0.0.6")!, internalPort: Port(8080)!)), context: fixture.user)
        #expect(try store.eips.users(of: nat.id).map(\.reference.kind) == [.floatingIP, .snatRule, .dnatRule])

        // A gateway cannot take an EIP NAT rules use, nor one of the other gateway usage.
        do {
            _ = try nodeGateway(store, node: "worker", eip: "nat")
            Issue.record("a node gateway took a NAT EIP")
        } catch let error as StoreError {
            guard case .eipBound(let eip, let users) = error else { Issue.record("\(error)"); return }
            #expect(eip.id == nat.id && users.count == 3 && error.code == "eip-already-bound")
        }
        #expect(throws: StoreError.eipUsageMismatch(lrp.reference, usage: .routerGateway, required: .nodeGateway)) {
            _ = try nodeGateway(store, node: "worker", eip: "lrp")
        }
        #expect(try store.nodeGateways.list().items.isEmpty)
        #expect(try store.eips.list().items.count == 2, "no EIP allocated by the refused creates")
    }

    @Test func aFreeNatEIPBecomesTheGatewaysUsageAndGatewayEIPsCannotGoWhileUsed() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try fixture.network()
        let free = try fixture.eip(name: "free", ip: "192.0.2.7")
        let gateway = try nodeGateway(store, node: "kube-ovn-worker", eip: "free", context: fixture.user)
        #expect(gateway.spec.eip == .id(free.id) && gateway.spec.port == "kube-ovn-worker" && gateway.status.phase == .pending)
        let taken = try store.eips.get(.id(free.id))
        #expect(taken.spec.usage == .nodeGateway && taken.revision == 2)
        let actions = try store.eips.history(free.id).items.map(\.action)
        #expect(actions == [.allocate, .update, .bind])

        // In use: neither deleted nor switched to another usage.
        #expect(throws: StoreError.inUse(taken.reference, usedBy: [gateway.reference])) {
            try store.eips.delete(.id(free.id), context: fixture.user)
        }
        #expect(throws: StoreError.inUse(taken.reference, usedBy: [gateway.reference])) {
            _ = try store.eips.update(.id(free.id), context: fixture.user) { $0.spec.usage = .nat }
        }
        let users = try store.eips.users(of: free.id)
        #expect(users.map(\.reference) == [gateway.reference] && users.map(\.phase) == [.pending])

        // Given EIPs stay when the gateway goes; their usage can then change.
        try store.nodeGateways.delete(.id(gateway.id), context: fixture.user)
        #expect(try store.sync.purge(.nodeGateway, id: gateway.id))
        let kept = try store.eips.get(.id(free.id))
        #expect(kept.spec.usage == .nodeGateway)
        #expect(try store.eips.update(.id(free.id), context: fixture.user) { $0.spec.usage = .nat }.spec.usage == .nat)

        // Router gateways take a free nat EIP the same way.
        let router = try store.routerGateways.create(ResourceInput(spec: RouterGatewaySpec(router: "r1", network: .name("public"), eip: .name("free"))), context: fixture.user)
        #expect(router.spec.eip == .id(free.id))
        #expect(try store.eips.get(.id(free.id)).spec.usage == .routerGateway)
    }

    @Test func allocatedEIPsAreOwnedAndReleasedWithTheGateway() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try fixture.network()
        let gateway = try nodeGateway(store, node: "kube-ovn-control-plane")
        let eip = try store.eips.get(gateway.spec.eip!)
        #expect(eip.spec.usage == .nodeGateway && eip.metadata.project == "default")
        let ip = IPAddress.v4(eip.spec.ipV4!)

        fixture.advance(60)
        try store.nodeGateways.delete(.id(gateway.id), context: fixture.user)
        #expect(try store.eips.find(.id(eip.id)) != nil, "released only once NB is clean (purge)")
        #expect(try store.sync.purge(.nodeGateway, id: gateway.id, context: .reconciler))
        #expect(try store.eips.find(.id(eip.id)) == nil)

        // Who held the address when: the EIP, and through it the node gateway.
        let holding = try #require(try store.allocationHistory.holdings(of: ip).items.first)
        #expect(holding.eip == eip.id && holding.releasedAt == fixture.time)
        #expect(holding.bindings.map(\.kind) == [.nodeGateway] && holding.bindings.map(\.id) == [gateway.id])
        #expect(holding.bindings.first?.boundAt == holding.allocatedAt && holding.bindings.first?.unboundAt == fixture.time)
        #expect(try store.eips.history(eip.id).items.map(\.action) == [.allocate, .bind, .unbind, .release])
    }

    @Test func onePerNodeAndNetworkUniquePortsAndFixedFields() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try fixture.network()
        try fixture.network("second", cidr: "198.51.100.0/24", gateway: "198.51.100.1")
        let first = try nodeGateway(store, node: "worker")
        let eipsBefore = try store.eips.list().items.count
        #expect(throws: StoreError.uniqueViolation(kind: .nodeGateway, fields: ["node", "network"], value: "worker")) {
            _ = try nodeGateway(store, node: "worker")
        }
        // The same node on another network needs another port name: LSP names are unique in NB.
        #expect(throws: StoreError.uniqueViolation(kind: .nodeGateway, fields: ["port"], value: "worker")) {
            _ = try nodeGateway(store, node: "worker", network: "second")
        }
        #expect(try store.eips.list().items.count == eipsBefore, "refused creates allocate nothing")
        let second = try nodeGateway(store, node: "worker", network: "second", port: "worker-second")
        #expect(second.spec.port == "worker-second")

        // Bad node and port names.
        for bad in ["", "-worker", "worker-", "has space", "a/b", String(repeating: "n", count: 254), UUID().uuidString] {
            #expect(throws: StoreError.self, "\(bad)") { _ = try nodeGateway(store, node: bad, network: "second") }
        }
        #expect(throws: StoreError.self) { _ = try nodeGateway(store, node: "other", port: "bad port") }

        // Only name and labels change.
        #expect(throws: StoreError.self) { _ = try store.nodeGateways.update(.id(first.id), context: fixture.user) { $0.spec.node = "elsewhere" } }
        #expect(throws: StoreError.self) { _ = try store.nodeGateways.update(.id(first.id), context: fixture.user) { $0.spec.port = "elsewhere" } }
        let renamed = try store.nodeGateways.update(.id(first.id), context: fixture.user) { $0.name = "worker-gw"; $0.labels = ["rack": "r1"] }
        #expect(renamed.revision == 2 && renamed.spec == first.spec)

        // The network cannot go while a node gateway uses it.
        do {
            try store.networks.delete(.name("second"), context: fixture.user)
            Issue.record("deleted a network with a node gateway")
        } catch let error as StoreError {
            guard case .inUse(_, let users) = error else { Issue.record("\(error)"); return }
            #expect(users.map(\.kind).contains(.nodeGateway))
        }
        #expect(try store.networks.usage(.name("public")).nodeGateways == 1)
    }

    @Test func listsFilterOnUsageUsersAndNode() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try fixture.network()
        let router = try store.routerGateways.create(ResourceInput(spec: RouterGatewaySpec(router: "r1", network: .name("public"))), context: .system)
        let node = try nodeGateway(store, node: "worker", context: .system)
        let nat = try fixture.eip(name: "nat")
        let idle = try fixture.eip(name: "idle")
        _ = try store.snatRules.create(ResourceInput(spec: SNATRuleSpec(eip: .name("nat"), router: "r1", internalCIDR: IPCIDR("10.0.0.0/24")!)), context: .system)

        func ids(_ query: ListQuery) throws -> [UUID] { try store.eips.list(query).items.map(\.id) }
        #expect(try ids(ListQuery(usage: .nat)) == [nat.id, idle.id])
        #expect(try ids(ListQuery(usage: .routerGateway)) == [router.spec.eip!.id!])
        #expect(try ids(ListQuery(usage: .nodeGateway)) == [node.spec.eip!.id!])
        #expect(try ids(ListQuery(usedBy: .unused)) == [idle.id])
        #expect(try ids(ListQuery(usedBy: .used)).count == 3)
        #expect(try ids(ListQuery(usedBy: .kind(.snatRule))) == [nat.id])
        #expect(try ids(ListQuery(usedBy: .kind(.nodeGateway))) == [node.spec.eip!.id!])
        #expect(try ids(ListQuery(usage: .nat, usedBy: .kind(.floatingIP))).isEmpty)
        #expect(EIPUserFilter("mirror") == nil && EIPUserFilter("none") == .unused && EIPUserFilter("any") == .used && EIPUserFilter("fip") == .kind(.floatingIP))

        #expect(try store.nodeGateways.list(ListQuery(node: "worker")).items.map(\.id) == [node.id])
        #expect(try store.nodeGateways.list(ListQuery(node: "other")).items.isEmpty)
        #expect(throws: StoreError.unsupportedFilter(kind: .floatingIP, field: "node")) { _ = try store.fips.list(ListQuery(node: "worker")) }
        #expect(throws: StoreError.unsupportedFilter(kind: .nodeGateway, field: "usage")) { _ = try store.nodeGateways.list(ListQuery(usage: .nat)) }
    }
}
