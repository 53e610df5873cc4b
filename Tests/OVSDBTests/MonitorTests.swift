import Foundation
import Testing
import TestSupport
import OVSDB

/// The cache follows changes other clients (ovn-nbctl) make, with every monitor flavour.
@Suite struct MonitorTests {
    static let tables = MonitoredTable.northboundEdge.map(\.name)

    @Test func cacheFollowsOvnNbctl() async throws {
        try await withOVN(.northboundOnly) { sandbox in
            try await TestClient.with(sandbox.nbRemote) { client in
                let updates = client.cache.updates()
                let collector = Task { () -> [RowChange] in
                    var all: [RowChange] = []
                    for await update in updates {
                        all += update.changes
                        if all.contains(where: { $0.table == "Logical_Switch" && $0.kind == .delete }) { break }
                    }
                    return all
                }
                try sandbox.nbctl("ls-add", "sw0")
                try sandbox.nbctl("lsp-add", "sw0", "p1", "--", "lsp-set-addresses", "p1", "00:00:00:00:00:01 10.0.0.5")
                try sandbox.nbctl("set", "Logical_Switch", "sw0", "other_config:subnet=10.0.0.0/24", "other_config:mcast_snoop=true")
                try sandbox.nbctl("lr-add", "r0", "--", "lr-nat-add", "r0", "dnat_and_snat", "172.16.0.10", "10.0.0.5")
                try await waitUntil(timeout: 10) { !client.cache.snapshot().all(NB.NAT.self).isEmpty }
                var snapshot = client.cache.snapshot()
                let sw0 = try #require(snapshot.named(NB.LogicalSwitch.self, "sw0").first)
                #expect(sw0.otherConfig == ["subnet": "10.0.0.0/24", "mcast_snoop": "true"])
                let p1 = try #require(snapshot.named(NB.LogicalSwitchPort.self, "p1").first)
                #expect(sw0.ports == [p1.uuid] && p1.addresses == ["00:00:00:00:00:01 10.0.0.5"])
                let nat = try #require(snapshot.all(NB.NAT.self).first)
                #expect(nat.kind == .dnatAndSnat && nat.externalIP == "172.16.0.10" && nat.logicalPort == nil)
                #expect(snapshot.named(NB.LogicalRouter.self, "r0").first?.nat == [nat.uuid])

                // modify diffs: a map key removed and one changed, a set element added
                try sandbox.nbctl("remove", "Logical_Switch", "sw0", "other_config", "mcast_snoop", "--",
                                  "set", "Logical_Switch", "sw0", "other_config:subnet=10.1.0.0/24", "--",
                                  "lsp-set-addresses", "p1", "00:00:00:00:00:01 10.0.0.5", "router")
                try await waitUntil(timeout: 10) {
                    client.cache.snapshot().get(NB.LogicalSwitch.self, sw0.uuid)?.otherConfig == ["subnet": "10.1.0.0/24"]
                }
                snapshot = client.cache.snapshot()
                #expect(Set(snapshot.get(NB.LogicalSwitchPort.self, p1.uuid)?.addresses ?? []) == ["00:00:00:00:00:01 10.0.0.5", "router"])

                try sandbox.nbctl("ls-del", "sw0")
                let changes = await collector.value
                #expect(changes.contains { $0.table == "Logical_Switch" && $0.kind == .insert && $0.uuid == sw0.uuid })
                #expect(changes.contains { $0.table == "Logical_Switch" && $0.kind == .modify && $0.old?.stringMap("other_config")["mcast_snoop"] == "true" })
                #expect(changes.contains { $0.table == "Logical_Switch_Port" && $0.kind == .delete && $0.uuid == p1.uuid })
                snapshot = client.cache.snapshot()
                #expect(snapshot["Logical_Switch"].isEmpty && snapshot["Logical_Switch_Port"].isEmpty)
                #expect(TestClient.cacheContent(client, tables: Self.tables) == (try await TestClient.serverContent(client, tables: Self.tables)))
            }
        }
    }

    /// A diff (update2/update3) tells which atoms of a set column it toggled, so a reader of a
    /// router's NAT column can follow one more NAT without comparing the whole set; the RFC 7047
    /// `update` sends whole rows and lists none, nor does a change of a map column.
    @Test(arguments: MonitorMethod.allCases)
    func modifiesListTheAtomsTheyToggled(method: MonitorMethod) async throws {
        try await withOVN(.northboundOnly) { sandbox in
            try sandbox.nbctl("lr-add", "r0", "--", "lr-nat-add", "r0", "dnat_and_snat", "172.16.0.10", "10.0.0.5")
            try await TestClient.with(sandbox.nbRemote, configure: { $0.preferredMonitorMethod = method }) { client in
                let first = try #require(client.cache.snapshot().all(NB.NAT.self).first).uuid
                // ovsdb-server merges the changes of transactions that commit while a client's
                // earlier update is still unread, so each change is awaited before the next.
                var updates = client.cache.updates().makeAsyncIterator()
                var changes: [RowChange] = []
                func nextRouterChange() async throws -> RowChange {
                    while let update = await updates.next() {
                        if let change = update.changes.first(where: { $0.table == "Logical_Router" }) { return change }
                    }
                    throw CancellationError()
                }
                try sandbox.nbctl("lr-nat-add", "r0", "dnat_and_snat", "172.16.0.11", "10.0.0.6")
                changes.append(try await nextRouterChange())
                try sandbox.nbctl("set", "Logical_Router", "r0", "options:a=b")
                changes.append(try await nextRouterChange())
                try sandbox.nbctl("lr-nat-del", "r0", "dnat_and_snat", "172.16.0.10")
                changes.append(try await nextRouterChange())
                let second = try #require(client.cache.snapshot().all(NB.NAT.self).first).uuid
                #expect(second != first)
                try #require(changes.count == 3)
                let (added, optioned, removed) = (changes[0], changes[1], changes[2])
                #expect(added.new?.columns["nat"] == .set([.uuid(first), .uuid(second)]))
                #expect(optioned.new?.stringMap("options")["a"] == "b")
                #expect(removed.new?.columns["nat"] == .set([.uuid(second)]))
                #expect(optioned.toggled.isEmpty)
                if method == .monitor {
                    #expect(added.toggled.isEmpty && removed.toggled.isEmpty)
                } else {
                    #expect(added.toggled == ["nat": [.uuid(second)]])
                    #expect(removed.toggled == ["nat": [.uuid(first)]])
                }
            }
        }
    }

    @Test(arguments: MonitorMethod.allCases)
    func everyMonitorMethodKeepsTheCacheEqualToTheDatabase(method: MonitorMethod) async throws {
        try await withOVN(.northboundOnly) { sandbox in
            try sandbox.nbctl("ls-add", "pre", "--", "set", "Logical_Switch", "pre", "other_config:a=1")
            try await TestClient.with(sandbox.nbRemote, configure: { $0.preferredMonitorMethod = method }) { client in
                #expect(client.monitorMethod == method)
                #expect(client.cache.snapshot().named(NB.LogicalSwitch.self, "pre").first?.otherConfig == ["a": "1"])
                let counter = Counter()
                client.cache.onChange { _ in counter.increment() }
                try sandbox.nbctl("ls-add", "sw1", "--", "lsp-add", "sw1", "a", "--", "lsp-add", "sw1", "b")
                try sandbox.nbctl("set", "Logical_Switch", "pre", "other_config:b=2", "--", "remove", "Logical_Switch", "pre", "other_config", "a")
                try sandbox.nbctl("lsp-del", "a", "--", "lr-add", "r1", "--", "lrp-add", "r1", "r1-p", "00:00:00:00:01:01", "10.0.0.1/24")
                try sandbox.nbctl("lb-add", "lb1", "172.16.0.1:80", "10.0.0.2:8080", "tcp", "--", "lr-lb-add", "r1", "lb1")
                try await waitUntil(timeout: 10) { !client.cache.snapshot()["Load_Balancer"].isEmpty
                    && client.cache.snapshot().named(NB.LogicalRouter.self, "r1").first?.loadBalancers.count == 1 }
                // one update per transaction at most; fewer when ovsdb-server merged some
                #expect((1...4).contains(counter.current))
                let lb = try #require(client.cache.snapshot().all(NB.LoadBalancer.self).first)
                #expect(lb.vips == ["172.16.0.1:80": "10.0.0.2:8080"] && lb.protocol == "tcp")
                #expect(TestClient.cacheContent(client, tables: Self.tables) == (try await TestClient.serverContent(client, tables: Self.tables)))
            }
        }
    }
}
