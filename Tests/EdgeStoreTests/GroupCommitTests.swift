import EdgeCore
@testable import EdgeStore
import Foundation
import Testing

/// Writes that wait for the writer share one transaction (group commit), each under its own
/// savepoint: a member that fails changes nothing, the others commit, and nobody is answered
/// before the commit.
@Suite struct GroupCommitTests {
    /// Holds the first commit after `arm()` until `release()`, so that writes pile up behind it.
    final class CommitGate: @unchecked Sendable {
        // Safe: the flags are only touched while holding `condition`.
        private let condition = NSCondition()
        private var armed = false
        private var holding = false

        func arm() { condition.withLock { armed = true } }

        /// Called by the store just before a commit (on the writer thread).
        func beforeCommit() {
            condition.lock()
            defer { condition.unlock() }
            guard armed else { return }
            armed = false
            holding = true
            condition.broadcast()
            while holding { condition.wait() }
        }

        func waitUntilHolding() {
            condition.lock()
            defer { condition.unlock() }
            while !holding { condition.wait() }
        }

        func release() {
            condition.withLock {
                holding = false
                condition.broadcast()
            }
        }
    }

    func waitUntil(_ condition: () -> Bool) async throws {
        for _ in 0..<2000 where !condition() { try await Task.sleep(for: .milliseconds(5)) }
        #expect(condition(), "condition not reached")
    }

    func eipInput(_ name: String) -> ResourceInput<EIPSpec> {
        ResourceInput(name: name, spec: EIPSpec(network: .name("public")))
    }

    @Test func aFailingMemberChangesNothingAndTheRestOfItsGroupCommits() async throws {
        let gate = CommitGate()
        let fixture = try StoreFixture { $0.beforeCommit = { gate.beforeCommit() } }
        try fixture.network(cidr: "192.0.2.0/24")
        let store = fixture.store

        // A first write holds the writer inside its commit …
        gate.arm()
        let blocker = Thread { _ = try? store.eips.create(eipInput("blocker"), context: .system) }
        blocker.start()
        gate.waitUntilHolding()
        let generation = store.writeGeneration
        let logBefore = try store.changeLog.entries(ChangeLogQuery(limit: 1000)).items.count

        // … while six more queue up: five good ones, and one that allocates an address and logs
        // its change before its insert fails (the name is taken by the blocker).
        let names = ["a", "b", "blocker", "c", "d", "e"]
        let outcomes = try await withThrowingTaskGroup(of: (String, Result<EIP, any Error>).self) { group in
            for name in names {
                group.addTask {
                    do { return (name, .success(try await store.eips.createAsync(eipInput(name), context: .system))) }
                    catch { return (name, .failure(error)) }
                }
            }
            try await waitUntil { store.writeQueue.waitingCount == names.count }
            gate.release()
            var all: [String: Result<EIP, any Error>] = [:]
            for try await (name, outcome) in group { all[name] = outcome }
            return all
        }

        #expect(store.writeGeneration == generation + 2, "the blocker's commit, then one commit for all six")
        for name in ["a", "b", "c", "d", "e"] {
            #expect((try? outcomes[name]?.get())?.metadata.name == name)
        }
        guard case .failure(let error) = outcomes["blocker"], case StoreError.uniqueViolation? = error as? StoreError else {
            Issue.record("the duplicate should fail with uniqueViolation: \(String(describing: outcomes["blocker"]))")
            return
        }
        let eips = try store.eips.list(ListQuery(limit: 100)).items
        #expect(eips.count == 6, "blocker + five")
        #expect(Set(eips.compactMap { $0.spec.ipV4?.description }).count == 6)
        let log = try store.changeLog.entries(ChangeLogQuery(limit: 1000)).items
        // logBefore was read while the blocker had not committed yet.
        #expect(log.count == logBefore + 6, "the blocker and five; the failed member's change-log row was rolled back with it")
        #expect(try store.networks.usage(.name("public")).v4?.allocated == 6, "its address was not kept")
        // The pools it touched were rebuilt from the rows: the next EIP gets a free address.
        let next = try store.eips.create(eipInput("f"), context: .system)
        let taken = Set(eips.compactMap { $0.spec.ipV4?.description })
        #expect(!taken.contains(next.spec.ipV4!.description))
        #expect(try store.networks.usage(.name("public")).v4?.allocated == 7)
    }

    @Test func concurrentAsyncAndBlockingWritersStoreExactlyWhatTheyWereToldTheyStored() async throws {
        let fixture = try StoreFixture()
        try fixture.network(cidr: "192.0.2.0/24")
        let store = fixture.store
        let generation = store.writeGeneration
        // 200 async creates from tasks and 40 blocking ones from threads, at the same time.
        let blocking = ConcurrencyTests.Results()
        let threads = Thread {
            DispatchQueue.concurrentPerform(iterations: 40) { index in
                do {
                    let eip = try store.eips.create(eipInput("sync-\(index)"), context: .system)
                    blocking.add(.success(eip.spec.ipV4!.description))
                } catch {
                    blocking.add(.failure(error))
                }
            }
        }
        threads.start()
        let asyncAddresses = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<200 {
                group.addTask { try await store.eips.createAsync(eipInput("async-\(index)"), context: .system).spec.ipV4!.description }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        try await waitUntil { blocking.all.count == 40 }
        let blockingAddresses = blocking.all.compactMap { try? $0.get() }
        #expect(blockingAddresses.count == 40)
        let all = asyncAddresses + blockingAddresses
        #expect(all.count == 240)
        #expect(Set(all).count == 240, "no address handed out twice")
        #expect(try store.eips.list(ListQuery(limit: 1000)).items.count == 240)
        #expect(try store.changeLog.entries(ChangeLogQuery(action: .allocate, limit: 1000)).items.count == 240)
        #expect(try store.networks.usage(.name("public")).v4?.allocated == 240)
        #expect(store.writeGeneration > generation)
        #expect(store.writeGeneration <= generation + 240, "one generation per group, not per write")
    }
}
