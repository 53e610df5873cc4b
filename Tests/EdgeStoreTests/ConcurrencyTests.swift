import EdgeCore
import EdgeStore
import Foundation
import Testing

@Suite struct ConcurrencyTests {
    /// 64 threads race for a pool of 50 addresses: 50 distinct winners, 14 clean pool-exhausted.
    @Test func sixtyFourThreadsShareFiftyAddresses() throws {
        let fixture = try StoreFixture()
        // 192.0.2.0/26 has 62 host addresses; gateway + 11 excluded leave exactly 50.
        try fixture.network(cidr: "192.0.2.0/26", exclude: ["192.0.2.52..192.0.2.62"])
        #expect(try fixture.store.networks.usage(.name("public")).v4?.usable == 50)
        let results = Results()
        let store = fixture.store
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            do {
                let eip = try store.eips.create(ResourceInput(spec: EIPSpec(network: .name("public"))), context: ChangeContext(actor: "t\(index)"))
                results.add(.success(eip.spec.ipV4!.description))
            } catch {
                results.add(.failure(error))
            }
        }
        let addresses = results.all.compactMap { try? $0.get() }
        let errors = results.all.compactMap { result -> (any Error)? in if case .failure(let error) = result { error } else { nil } }
        #expect(addresses.count == 50)
        #expect(Set(addresses).count == 50)
        #expect(errors.count == 14)
        for error in errors {
            guard case StoreError.poolExhausted(_, .v4)? = error as? StoreError else { Issue.record("unexpected \(error)"); continue }
        }
        #expect(try fixture.store.eips.list(ListQuery(limit: 1000)).items.count == 50)
        #expect(try fixture.store.changeLog.entries(ChangeLogQuery(action: .allocate, limit: 1000)).items.count == 50)
    }

    /// Two store instances on one file (two processes' worth of writers) still never share an
    /// address: each notices the other's writes and rebuilds its pools from committed rows.
    @Test func twoWritersOnOneFileNeverShareAnAddress() throws {
        let fixture = try StoreFixture()
        try fixture.network(cidr: "192.0.2.0/26")
        let second = try Store.open(path: fixture.store.path)
        defer { try? second.close() }
        let results = Results()
        let stores = [fixture.store, second]
        DispatchQueue.concurrentPerform(iterations: 40) { index in
            do {
                let eip = try stores[index % 2].eips.create(ResourceInput(spec: EIPSpec(network: .name("public"))), context: ChangeContext(actor: "w\(index % 2)"))
                results.add(.success(eip.spec.ipV4!.description))
            } catch {
                results.add(.failure(error))
            }
        }
        let addresses = results.all.compactMap { try? $0.get() }
        #expect(addresses.count == 40, "\(results.all.filter { (try? $0.get()) == nil })")
        #expect(Set(addresses).count == 40)
    }

    @Test func concurrentRequestsForOneAddressConflictCleanly() throws {
        let fixture = try StoreFixture()
        try fixture.network()
        let results = Results()
        let store = fixture.store
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            do {
                let eip = try store.eips.create(ResourceInput(spec: EIPSpec(network: .name("public"), ipV4: IPv4Address("192.0.2.77"))), context: fixture.user)
                results.add(.success(eip.spec.ipV4!.description))
            } catch {
                results.add(.failure(error))
            }
        }
        #expect(results.all.filter { (try? $0.get()) != nil }.count == 1)
        for result in results.all {
            if case .failure(let error) = result {
                guard case StoreError.addressInUse(field: "ip_v4", address: "192.0.2.77", _)? = error as? StoreError else {
                    Issue.record("unexpected \(error)"); continue
                }
            }
        }
    }

    /// Collects results from many threads.
    final class Results: @unchecked Sendable {
        // Safe: `items` is only touched under `lock`.
        private let lock = NSLock()
        private var items: [Result<String, any Error>] = []
        func add(_ result: Result<String, any Error>) { lock.withLock { items.append(result) } }
        var all: [Result<String, any Error>] { lock.withLock { items } }
    }
}
