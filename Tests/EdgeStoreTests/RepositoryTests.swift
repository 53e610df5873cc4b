import EdgeCore
import EdgeStore
import Foundation
import Testing

@Suite struct RepositoryTests {
    @Test func networksCreateGetListUpdate() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let created = try fixture.network("public", exclude: ["192.0.2.10..192.0.2.20"])
        #expect(created.revision == 1 && created.status.phase == .pending)
        #expect(try store.networks.get(.name("public")) == created)
        #expect(try store.networks.get(.id(created.id)) == created)
        #expect(throws: StoreError.notFound(kind: .externalNetwork, reference: "other", field: nil)) { try store.networks.get(.name("other")) }

        fixture.advance(5)
        let updated = try store.networks.update(.name("public"), expectedRevision: 1, context: fixture.user) { input in
            input.labels["zone"] = "a"
            input.spec.gatewayChassis = ["gw1", "gw2"]
        }
        #expect(updated.revision == 2 && updated.metadata.updatedAt > created.metadata.updatedAt)
        #expect(updated.metadata.createdAt == created.metadata.createdAt)
        #expect(updated.status.phase == .pending)
        #expect(throws: StoreError.revisionMismatch(expected: 1, actual: 2)) {
            try store.networks.update(.name("public"), expectedRevision: 1, context: fixture.user) { $0.labels["x"] = "y" }
        }
        let unchanged = try store.networks.update(.name("public"), context: fixture.user) { _ in }
        #expect(unchanged.revision == 2, "no change, no new revision")

        #expect(throws: StoreError.uniqueViolation(kind: .externalNetwork, fields: ["name"], value: nil)) { try fixture.network("public") }
        #expect(throws: StoreError.self) { try fixture.network("", cidr: "192.0.2.0/24") }
    }

    @Test func listsPageInCreationOrderWithFilters() throws {
        let fixture = try StoreFixture()
        try fixture.network()
        for index in 0..<25 {
            _ = try fixture.store.eips.create(
                ResourceInput(name: "e\(index)", project: index % 2 == 0 ? "even" : "odd", labels: ["n": "\(index % 5)"],
                              spec: EIPSpec(network: .name("public"))),
                context: fixture.user
            )
        }
        var names: [String] = []
        var token: String?
        repeat {
            let page = try fixture.store.eips.list(ListQuery(limit: 10, pageToken: token))
            names += page.items.compactMap(\.name)
            token = page.nextPageToken
        } while token != nil
        #expect(names == (0..<25).map { "e\($0)" })
        #expect(try fixture.store.eips.list(ListQuery(project: "even")).items.count == 13)
        #expect(try fixture.store.eips.list(ListQuery(labels: ["n": "3"])).items.compactMap(\.name) == ["e3", "e8", "e13", "e18", "e23"])
        #expect(try fixture.store.eips.list(ListQuery(network: .name("public"))).items.count == 25)
        #expect(try fixture.store.eips.list(ListQuery(ip: IPAddress("192.0.2.4"))).items.compactMap(\.name) == ["e2"])
        #expect(throws: StoreError.invalidPageToken("garbage")) { try fixture.store.eips.list(ListQuery(pageToken: "garbage")) }
        #expect(throws: StoreError.unsupportedFilter(kind: .mirror, field: "router")) { try fixture.store.mirrors.list(ListQuery(router: "r")) }
    }

    @Test func eipsAllocateRequestedOrNextFreeAddresses() throws {
        let fixture = try StoreFixture()
        try fixture.network(cidr: "192.0.2.0/29", exclude: ["192.0.2.3"])   // usable: .2 .4 .5 .6
        let first = try fixture.eip()
        #expect(first.spec.ipV4?.description == "192.0.2.2" && first.spec.mac != nil)
        #expect(first.status.phase == .ready && first.status.observedRevision == 1)
        let requested = try fixture.eip(ip: "192.0.2.6")
        #expect(requested.spec.ipV4?.description == "192.0.2.6")
        let network = try fixture.store.networks.get(.name("public")).id

        #expect(throws: StoreError.addressInUse(field: "ip_v4", address: "192.0.2.6", network: network)) { try fixture.eip(ip: "192.0.2.6") }
        #expect(throws: StoreError.validation(ValidationFailure(field: "ip_v4", code: .addressExcluded, message: "192.0.2.3 is in the network's exclude list"))) {
            try fixture.eip(ip: "192.0.2.3")
        }
        #expect(throws: StoreError.validation(ValidationFailure(field: "ip_v4", code: .addressReserved, message: "192.0.2.1 is reserved (gateway)"))) {
            try fixture.eip(ip: "192.0.2.1")
        }
        #expect(throws: StoreError.validation(ValidationFailure(field: "ip_v6", code: .familyMismatch, message: "the network has no ipv6 CIDR"))) {
            try fixture.store.eips.create(ResourceInput(spec: EIPSpec(network: .name("public"), ipV6: IPv6Address("2001:db8::5"))), context: fixture.user)
        }
        _ = try fixture.eip()
        _ = try fixture.eip()
        #expect(throws: StoreError.poolExhausted(network: network, family: .v4)) { try fixture.eip() }

        // Failed writes left nothing behind: 4 EIPs, 4 holdings, 1 + 4 change-log rows.
        #expect(try fixture.store.eips.list().items.count == 4)
        #expect(try fixture.store.changeLog.entries(ChangeLogQuery(limit: 1000)).items.count == 5)
        #expect(throws: StoreError.validation(ValidationFailure(field: "ip_v4", code: .immutable, message: "an EIP's address cannot change"))) {
            try fixture.store.eips.update(.id(first.id), context: fixture.user) { $0.spec.ipV4 = IPv4Address("192.0.2.5") }
        }
        let relabeled = try fixture.store.eips.update(.id(first.id), context: fixture.user) { $0.labels["k"] = "v" }
        #expect(relabeled.revision == 2 && relabeled.status.phase == .ready && relabeled.status.observedRevision == 2)
    }

    @Test func dualStackEIPsGetBothFamilies() throws {
        let fixture = try StoreFixture()
        try fixture.network(cidrV6: "2001:db8:5::/64")
        let eip = try fixture.eip()
        #expect(eip.spec.ipV4?.description == "192.0.2.2")
        #expect(eip.spec.ipV6?.description == "2001:db8:5::1")
        let holdings = try fixture.store.allocationHistory.holdings(eip: eip.id)
        #expect(holdings.map(\.ip.description) == ["192.0.2.2", "2001:db8:5::1"])
    }

    @Test func rulesReferenceEIPsAndKeepTheirConstraints() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try fixture.network()
        let eip = try fixture.eip(name: "web")
        let other = try fixture.eip(name: "db")

        let fip = try store.fips.create(ResourceInput(name: "fip1", spec: FloatingIPSpec(eip: .name("web"), router: "r1", internalIP: IPAddress("10.0.0.5")!)), context: fixture.user)
        #expect(fip.spec.eip == .id(eip.id), "references are stored as ids")
        #expect(throws: StoreError.uniqueViolation(kind: .floatingIP, fields: ["eip"], value: nil)) {
            try store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .id(eip.id), router: "r2", internalIP: IPAddress("10.0.0.6")!)), context: fixture.user)
        }
        #expect(throws: StoreError.validation(ValidationFailure(field: "internal_ip", code: .familyMismatch, message: "the EIP has no ipv6 address"))) {
            try store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .name("db"), router: "r1", internalIP: IPAddress("fd00::5")!)), context: fixture.user)
        }
        #expect(throws: StoreError.notFound(kind: .eip, reference: "nope", field: "eip")) {
            try store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .name("nope"), router: "r1", internalIP: IPAddress("10.0.0.5")!)), context: fixture.user)
        }

        let dnat = DNATRuleSpec(eip: .name("web"), router: "r1", protocol: .tcp, externalPort: Port(80)!, internalIP: IPAddress("10.0.0.5")!, internalPort: Port(8080)!)
        _ = try store.dnatRules.create(ResourceInput(spec: dnat), context: fixture.user)
        #expect(throws: StoreError.uniqueViolation(kind: .dnatRule, fields: ["eip", "protocol", "external_port"], value: nil)) {
            try store.dnatRules.create(ResourceInput(spec: dnat), context: fixture.user)
        }
        var udp = dnat
        udp.protocol = .udp
        _ = try store.dnatRules.create(ResourceInput(spec: udp), context: fixture.user)

        let snat = SNATRuleSpec(eip: .name("db"), router: "r1", internalCIDR: IPCIDR("10.0.0.0/24")!)
        _ = try store.snatRules.create(ResourceInput(spec: snat), context: fixture.user)
        #expect(throws: StoreError.uniqueViolation(kind: .snatRule, fields: ["router", "internal_cidr"], value: nil)) {
            try store.snatRules.create(ResourceInput(spec: SNATRuleSpec(eip: .name("web"), router: "r1", internalCIDR: IPCIDR("10.0.0.0/24")!)), context: fixture.user)
        }

        // The EIP cannot go while rules use it; the error lists them.
        do {
            try store.eips.delete(.name("web"), context: fixture.user)
            Issue.record("deleted an EIP in use")
        } catch let error as StoreError {
            guard case .inUse(let object, let users) = error else { Issue.record("\(error)"); return }
            #expect(object.id == eip.id && error.code == "eip-in-use")
            #expect(Set(users.map(\.kind)) == [.floatingIP, .dnatRule])
            #expect(users.count == 3)
        }
        #expect(try store.eips.usedBy(.name("db")).map(\.kind) == [.snatRule])
        #expect(throws: StoreError.inUse(try store.networks.get(.name("public")).reference, usedBy: [eip.reference, other.reference])) {
            try store.networks.delete(.name("public"), context: fixture.user)
        }
    }

    @Test func deletionGoesThroughDeletingAndPurge() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try fixture.network()
        let eip = try fixture.eip(name: "web")
        let fip = try store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .name("web"), router: "r1", internalIP: IPAddress("10.0.0.5")!)), context: fixture.user)
        let deleting = try store.fips.delete(.id(fip.id), expectedRevision: 1, context: fixture.user)
        #expect(deleting.status.phase == .deleting)
        #expect(try store.fips.delete(.id(fip.id), context: fixture.user).status.phase == .deleting, "idempotent")
        #expect(throws: StoreError.deleting(deleting.reference)) {
            try store.fips.update(.id(fip.id), context: fixture.user) { $0.spec.stateless = true }
        }
        // Still holds the EIP until purged.
        #expect(throws: StoreError.self) { try store.eips.delete(.id(eip.id), context: fixture.user) }
        #expect(try store.sync.pending(kinds: [.floatingIP]).map(\.phase) == [.deleting])
        #expect(try store.sync.purge(.floatingIP, id: fip.id))
        #expect(try store.sync.purge(.floatingIP, id: fip.id) == false)
        #expect(try store.fips.find(.id(fip.id)) == nil)
        let released = try store.eips.delete(.id(eip.id), context: fixture.user)
        #expect(released.id == eip.id)
        #expect(try store.eips.find(.id(eip.id)) == nil)
        // Its address is free again (after the rest of the pool, so request it explicitly).
        #expect(try fixture.eip(ip: eip.spec.ipV4!.description).spec.ipV4 == eip.spec.ipV4)
    }

    @Test func routerGatewaysAllocateTheirOwnEIPWhenNoneIsGiven() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try fixture.network()
        let gateway = try store.routerGateways.create(ResourceInput(name: "gw", spec: RouterGatewaySpec(router: "r1", network: .name("public"))), context: fixture.user)
        let eipID = try #require(gateway.spec.eip?.id)
        let owned = try store.eips.get(.id(eipID))
        #expect(owned.spec.ipV4?.description == "192.0.2.2")
        #expect(throws: StoreError.uniqueViolation(kind: .routerGateway, fields: ["router", "network"], value: nil)) {
            try store.routerGateways.create(ResourceInput(spec: RouterGatewaySpec(router: "r1", network: .name("public"))), context: fixture.user)
        }
        // A gateway with a given EIP does not release it.
        let shared = try fixture.eip(name: "shared")
        let second = try store.routerGateways.create(ResourceInput(spec: RouterGatewaySpec(router: "r2", network: .name("public"), eip: .name("shared"))), context: fixture.user)
        try store.routerGateways.delete(.id(second.id), context: fixture.user)
        try store.sync.purge(.routerGateway, id: second.id)
        #expect(try store.eips.find(.id(shared.id)) != nil)

        try store.routerGateways.delete(.name("gw"), context: fixture.user)
        try store.sync.purge(.routerGateway, id: gateway.id)
        #expect(try store.eips.find(.id(eipID)) == nil, "the gateway's own EIP is released with it")
        let events = try store.eips.history(eipID).items.map(\.action)
        #expect(events == [.allocate, .bind, .unbind, .release])
    }

    @Test func mirrorsKeepTheirPortsInOrder() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let mirror = try store.mirrors.create(ResourceInput(name: "tap", spec: MirrorSpec(type: .erspan, index: 7, filter: .both, sink: IPAddress("192.0.2.50")!, ports: ["lsp-b", "lsp-a"])), context: fixture.user)
        #expect(try store.mirrors.get(.name("tap")).spec.ports == ["lsp-b", "lsp-a"])
        let attached = try store.mirrors.attach(port: "lsp-c", to: .name("tap"), context: fixture.user)
        #expect(attached.spec.ports == ["lsp-b", "lsp-a", "lsp-c"] && attached.revision == 2)
        #expect(try store.mirrors.attach(port: "lsp-c", to: .name("tap"), context: fixture.user).revision == 2, "attaching twice changes nothing")
        let detached = try store.mirrors.detach(port: "lsp-b", from: .id(mirror.id), context: fixture.user)
        #expect(try store.mirrors.get(.id(mirror.id)).spec.ports == ["lsp-a", "lsp-c"] && detached.revision == 3)
        #expect(try store.mirrors.list().items.map(\.spec.ports) == [["lsp-a", "lsp-c"]])
    }

    @Test func networkChangesMayNotStrandEIPs() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try fixture.network(cidr: "192.0.2.0/24")
        _ = try fixture.eip(ip: "192.0.2.200")
        #expect(throws: StoreError.self) {
            try store.networks.update(.name("public"), context: fixture.user) { $0.spec.cidrV4 = IPv4CIDR("192.0.2.0/25") }
        }
        // Excluding a held address is allowed; the holder keeps it and it is never handed out again.
        _ = try store.networks.update(.name("public"), context: fixture.user) { $0.spec.exclude = [IPRange("192.0.2.2..192.0.2.250")!] }
        #expect(try fixture.eip().spec.ipV4?.description == "192.0.2.251")
    }
}
