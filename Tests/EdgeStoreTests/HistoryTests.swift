import EdgeCore
import EdgeStore
import Foundation
import Testing

@Suite struct HistoryTests {
    /// One address held by three EIPs in turn, a fourth address overlapping them all:
    ///   t0   A takes .2        t10 A releases .2
    ///   t20  B takes .2        t30 B releases .2
    ///   t40  C takes .2        (still held)
    @Test func whoHeldAnAddressBetweenTwoTimes() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let t0 = fixture.time
        try fixture.network(cidr: "192.0.2.0/29")
        let a = try fixture.eip(name: "a", ip: "192.0.2.2", project: "p1")
        let long = try fixture.eip(name: "long", ip: "192.0.2.3")
        fixture.set(t0 + 10)
        try store.eips.delete(.name("a"), context: fixture.user)
        fixture.set(t0 + 20)
        let b = try fixture.eip(name: "b", ip: "192.0.2.2", project: "p2")
        fixture.set(t0 + 30)
        try store.eips.delete(.name("b"), context: fixture.user)
        fixture.set(t0 + 40)
        let c = try fixture.eip(name: "c", ip: "192.0.2.2")

        let ip = IPAddress("192.0.2.2")!
        func holders(_ from: TimeInterval?, _ to: TimeInterval?) throws -> [UUID] {
            try store.allocationHistory.holdings(of: ip, from: from.map { t0 + $0 }, to: to.map { t0 + $0 }).items.map(\.eip)
        }
        #expect(try holders(nil, nil) == [a.id, b.id, c.id])
        #expect(try holders(5, 25) == [a.id, b.id])
        #expect(try holders(10, 20) == [], "released at 10 and taken at 20: nobody held it strictly between")
        #expect(try holders(9, 11) == [a.id])
        #expect(try holders(35, 36) == [])
        #expect(try holders(35, 41) == [c.id])
        #expect(try holders(100, nil) == [c.id], "an open interval overlaps everything after it")
        let first = try #require(try store.allocationHistory.holdings(of: ip).items.first)
        #expect(first.allocatedAt == t0 && first.releasedAt == t0 + 10 && first.project == "p1")
        #expect(try store.allocationHistory.holdings(of: ip, network: .name("public")).items.count == 3)
        #expect(try store.allocationHistory.holdings(of: ip, network: .id(UUID())).items.isEmpty)
        #expect(try store.allocationHistory.holdings(of: IPAddress("192.0.2.3")!, from: t0 + 12, to: t0 + 13).items.map(\.eip) == [long.id])

        var page = try store.allocationHistory.holdings(of: ip, limit: 2)
        #expect(page.items.map(\.eip) == [a.id, b.id])
        page = try store.allocationHistory.holdings(of: ip, limit: 2, pageToken: page.nextPageToken)
        #expect(page.items.map(\.eip) == [c.id] && page.nextPageToken == nil)
    }

    @Test func everyEventOfOneEIP() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try fixture.network()
        let eip = try fixture.eip(name: "web")
        let fip = try store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .name("web"), router: "r1", internalIP: IPAddress("10.0.0.5")!)),
                                        context: ChangeContext(actor: "bob", requestID: "req-2"))
        try store.fips.delete(.id(fip.id), context: fixture.user)
        try store.sync.purge(.floatingIP, id: fip.id, context: .reconciler)
        try store.eips.delete(.id(eip.id), context: ChangeContext(actor: "carol", requestID: "req-3"))
        let events = try store.eips.history(eip.id).items
        #expect(events.map(\.action) == [.allocate, .bind, .unbind, .release])
        #expect(events.map(\.actor) == ["alice", "bob", "reconciler", "carol"])
        #expect(events[1].requestID == "req-2")
        #expect(events[1].after?.contains("fip/\(fip.id.uuidString.lowercased())") == true)
        #expect(events[0].after?.contains("\"ip_v4\":\"192.0.2.2\"") == true)
        #expect(events[3].before != nil && events[3].after == nil)
    }

    @Test func changeLogByObjectActorRequestAndTime() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let t0 = fixture.time
        try fixture.network()
        for index in 0..<30 {
            fixture.set(t0 + Double(index))
            _ = try fixture.eip(context: ChangeContext(actor: index % 3 == 0 ? "ops" : "portal", requestID: "r\(index)"))
        }
        let log = store.changeLog
        #expect(try log.entries(ChangeLogQuery(actor: "ops", limit: 1000)).items.count == 10)
        #expect(try log.entries(ChangeLogQuery(requestID: "r7")).items.map(\.action) == [.allocate])
        #expect(try log.entries(ChangeLogQuery(kind: .externalNetwork)).items.map(\.action) == [.create])
        let window = try log.entries(ChangeLogQuery(from: t0 + 10, to: t0 + 15)).items
        #expect(window.map(\.requestID) == ["r10", "r11", "r12", "r13", "r14"])
        var seen: [Int64] = []
        var token: String?
        repeat {
            let page = try log.entries(ChangeLogQuery(actor: "portal", limit: 7, pageToken: token))
            seen += page.items.map(\.id)
            token = page.nextPageToken
        } while token != nil
        #expect(seen.count == 20 && seen == seen.sorted())
        let latest = try log.latestID()
        #expect(try log.entries(ChangeLogQuery(afterID: latest - 2)).items.count == 2)
    }

    @Test func changeLogIsAppendOnly() throws {
        let fixture = try StoreFixture()
        try fixture.network()
        let queue = try GRDBAccess.queue(fixture.store.path)
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "UPDATE change_log SET actor = 'mallory'") } }
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "DELETE FROM change_log") } }
        try queue.close()
    }
}
