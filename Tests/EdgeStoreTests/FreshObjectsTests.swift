import EdgeCore
@testable import EdgeStore
import Foundation
import Testing

/// `FreshObjects` holds a synced object as the last committed write stored it, at the change
/// sequence the rows list it pending at; anything else about the row drops or replaces it.
@Suite struct FreshObjectsTests {
    func fipInput(_ eip: EIP, _ ip: String = "10.0.0.5") -> ResourceInput<FloatingIPSpec> {
        ResourceInput(spec: FloatingIPSpec(eip: .id(eip.id), router: "r1", internalIP: IPAddress(ip)!))
    }

    /// The FIP as the pending list shows it (nil when not pending).
    func pending(_ store: Store, _ id: UUID) throws -> SyncItem? {
        try store.sync.pending(kinds: [.floatingIP], limit: 1000).first { $0.id == id }
    }

    func item(_ item: SyncItem, changeSeq: Int64? = nil, phase: SyncPhase? = nil) -> SyncItem {
        SyncItem(kind: item.kind, id: item.id, revision: item.revision, observedRevision: item.observedRevision,
                 phase: phase ?? item.phase, changeSeq: changeSeq ?? item.changeSeq)
    }

    @Test func aCopyFollowsTheRowThroughUpdateStatusAndDelete() throws {
        let fixture = try StoreFixture()
        try fixture.network()
        let store = fixture.store
        let network = store.freshObjects.count // the network's copy
        let eip = try fixture.eip()
        let created = try store.fips.create(fipInput(eip), context: fixture.user)
        let first = try #require(try pending(store, created.id))
        #expect(store.freshObjects.take(item(first, changeSeq: first.changeSeq + 1), as: FloatingIPSpec.self) == nil, "another sequence: not taken")
        #expect(store.freshObjects.take(first, as: SNATRuleSpec.self) == nil, "another kind: not taken")
        let taken = try #require(store.freshObjects.take(first, as: FloatingIPSpec.self))
        #expect(taken == (try store.fips.get(.id(created.id))))
        #expect(store.freshObjects.take(first, as: FloatingIPSpec.self) == nil, "taken once")

        // An update stores a new copy at its new sequence; the old sequence no longer matches.
        let updated = try store.fips.update(.id(created.id), context: fixture.user) { $0.spec.internalIP = IPAddress("10.0.0.6")! }
        let second = try #require(try pending(store, created.id))
        #expect(second.changeSeq > first.changeSeq)
        #expect(store.freshObjects.take(first, as: FloatingIPSpec.self) == nil)
        #expect(store.freshObjects.count == network + 1)

        // A status write changes the row without a new sequence: the copy is dropped.
        try store.sync.setStatus(.floatingIP, id: created.id, status: SyncStatus(phase: .error, observedRevision: 1, message: "x"))
        #expect(try pending(store, created.id)?.changeSeq == second.changeSeq)
        #expect(store.freshObjects.take(second, as: FloatingIPSpec.self) == nil)
        #expect(updated.revision == 2)

        // A delete stores the deleting object; the purge drops it.
        let deleting = try store.fips.delete(.id(created.id), context: fixture.user)
        let deleted = try #require(try pending(store, created.id))
        #expect(store.freshObjects.count == network + 1)
        _ = try store.sync.purge(.floatingIP, id: created.id)
        #expect(store.freshObjects.count == network)
        #expect(store.freshObjects.take(deleted, as: FloatingIPSpec.self) == nil)
        #expect(deleting.status.phase == .deleting)
    }

    /// A status written by another process on the same file does not reach this buffer: a copy
    /// whose phase is not the row's is not used (and is dropped).
    @Test func aCopyWhoseStatusIsNotTheRowsIsNotTaken() throws {
        let fixture = try StoreFixture()
        try fixture.network()
        let store = fixture.store
        let created = try store.fips.create(fipInput(try fixture.eip()), context: fixture.user)
        let listed = try #require(try pending(store, created.id))
        #expect(store.freshObjects.take(item(listed, phase: .error), as: FloatingIPSpec.self) == nil)
        #expect(store.freshObjects.take(listed, as: FloatingIPSpec.self) == nil, "dropped")
    }

    /// A write alone in its group runs without a savepoint: when it fails, the whole
    /// transaction rolls back — rows, change log, addresses and fresh copies alike.
    @Test func aFailingWriteAloneInItsGroupChangesNothing() async throws {
        let fixture = try StoreFixture()
        try fixture.network()
        let store = fixture.store
        let bound = try fixture.eip(name: "bound")
        _ = try store.fips.create(fipInput(bound), context: fixture.user)
        _ = store.freshObjects.take(try #require(try store.sync.pending(kinds: [.floatingIP]).first), as: FloatingIPSpec.self)
        let freshBefore = store.freshObjects.count
        let logBefore = try store.changeLog.entries(ChangeLogQuery(limit: 1000)).items.count
        let allocatedBefore = try store.networks.usage(.name("public")).v4?.allocated
        let generation = store.writeGeneration

        // Two EIPs are allocated and logged before the third item fails (a taken name).
        let eips = [ResourceInput(name: "x", spec: EIPSpec(network: .name("public"))), ResourceInput(name: "y", spec: EIPSpec(network: .name("public"))),
                    ResourceInput(name: "bound", spec: EIPSpec(network: .name("public")))]
        await #expect(throws: BulkItemFailure.self) { try await store.eips.createAll(eips, context: fixture.user) }
        // Two FIPs are stored (and would be fresh) before the third names a bound EIP.
        let free = try fixture.eip(name: "free")
        let fips = [fipInput(free), fipInput(bound, "10.0.0.7")]
        await #expect(throws: BulkItemFailure.self) { try await store.fips.createAll(fips, context: fixture.user) }

        #expect(store.writeGeneration == generation + 3)
        #expect(try store.fips.list().items.count == 1)
        #expect(try store.eips.list().items.compactMap(\.metadata.name).sorted() == ["bound", "free"])
        #expect(try store.changeLog.entries(ChangeLogQuery(limit: 1000)).items.count == logBefore + 1, "only free's create")
        #expect(try store.networks.usage(.name("public")).v4?.allocated == (allocatedBefore ?? 0) + 1)
        #expect(store.freshObjects.count == freshBefore)
        // The pool was rebuilt from the rows: the address x held was given out again, to free.
        #expect(free.spec.ipV4?.value == bound.spec.ipV4.map { $0.value + 1 })
    }
}
