import EdgeCore
import EdgeStore
import Foundation
import Testing
import TestSupport
@testable import EdgeSync

/// Waiting objects come from FreshObjects when this process just stored them, else by listing
/// when many, else by id; what comes out is the same each way.
@Suite struct DesiredStateLoaderTests {
    @Test func aBacklogLoadsByListingTheSameObjectsAsOneByOne() async throws {
        let folder = try TemporaryDirectory(prefix: "loader")
        defer { folder.remove() }
        let store = try Store.open(dataDirectory: folder.path)
        defer { try? store.close() }
        try store.migrate()
        let network = try Topology.network(store)
        // 2,400 synchronous writes: on a thread of their own, not a cooperative one for seconds.
        let ready = try await offPool {
            var ready: [UUID] = []
            for index in 0..<1200 {
                let eip = try Topology.eip(store, "172.19.\(10 + index / 250).\(1 + index % 250)")
                let fip = try store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .id(eip.id), router: "vpc1",
                                                                                  internalIP: IPAddress("10.1.\(index / 250).\(1 + index % 250)")!)), context: .system)
                if index % 10 == 0 { ready.append(fip.id) }
            }
            for id in ready { try store.sync.setStatus(.floatingIP, id: id, status: SyncStatus(phase: .ready, observedRevision: 1)) }
            return ready
        }

        let loader = DesiredStateLoader(store: store)
        // The objects these writes just stored wait in FreshObjects, except those whose status
        // was written since (their copy no longer shows the row).
        #expect(store.freshObjects.count == 1201 - ready.count)
        let fresh = try loader.loadUnsynced(pageSize: 1000) // taken from FreshObjects
        #expect(store.freshObjects.count == 0)
        let listed = try loader.loadUnsynced(pageSize: 1000) // a full first page (1,081 waiting) to read: listing
        let oneByOne = try loader.loadUnsynced(pageSize: 5000) // by id (one read per kind)
        #expect(listed.targets.count == 1200 - ready.count + 1) // the pending FIPs and the network
        #expect(listed.targets == oneByOne.targets)
        #expect(fresh.targets == listed.targets)
        #expect(listed.targets.contains(ObjectKey(kind: .externalNetwork, id: network.id)))
        #expect(!listed.isComplete)
        for key in listed.targets where key.kind == .floatingIP {
            let fip = try #require(listed.fips[key.id])
            #expect(fip == oneByOne.fips[key.id])
            #expect(fip == fresh.fips[key.id], "the fresh copy is the object as stored")
            #expect(listed.eips[fip.spec.eip.id!] == oneByOne.eips[fip.spec.eip.id!])
            #expect(fresh.eips[fip.spec.eip.id!] == oneByOne.eips[fip.spec.eip.id!])
        }
        #expect(fresh.networks == oneByOne.networks)
        // The addressing read from five columns is the stored EIP's.
        let eipIDs = Set(listed.fips.values.compactMap(\.spec.eip.id))
        let stored = try store.eips.find(ids: Array(eipIDs))
        #expect(stored.count == eipIDs.count)
        for (id, eip) in stored { #expect(listed.eips[id] == EIPAddressing(eip)) }
    }
}
