import Foundation
import Testing
import TestSupport
import OVSDB

/// Two clients contending for one OVSDB lock: the single-writer guarantee.
@Suite struct LockTests {
    @Test func twoClientsContendForOneLock() async throws {
        try await withOVN(.northboundOnly) { sandbox in
            try await TestClient.with(sandbox.nbRemote) { a in
                try await TestClient.with(sandbox.nbRemote) { b in
                    let aEvents = a.events()
                    await #expect(throws: OVSDBError.invalidName("ovn-edge")) { try await a.lock("ovn-edge") }
                    #expect(try await a.lock("ovn_edge"))
                    #expect(a.lockState("ovn_edge") == .held)
                    #expect(try await b.lock("ovn_edge") == false)
                    #expect(b.lockState("ovn_edge") == .waiting)

                    // Only the holder's lock-asserting transactions commit.
                    _ = try await a.transact(Transaction([.insert(NB.LogicalSwitch(name: "by-a"))], assertLock: "ovn_edge"))
                    let refused = await #expect(throws: OVSDBError.self) {
                        try await b.transact(Transaction([.insert(NB.LogicalSwitch(name: "by-b"))], assertLock: "ovn_edge"))
                    }
                    #expect(refused?.transactionFailure?.kind == .notOwner)

                    // b steals it: a is told (stolen), b holds it.
                    #expect(try await b.steal("ovn_edge"))
                    #expect(b.lockState("ovn_edge") == .held)
                    try await waitUntil(timeout: 5) { a.lockState("ovn_edge") != .held }
                    var sawStolen = false
                    for await event in aEvents {
                        if event == .lockStolen("ovn_edge") { sawStolen = true; break }
                    }
                    #expect(sawStolen)
                    let aRefused = await #expect(throws: OVSDBError.self) {
                        try await a.transact(Transaction([.insert(NB.LogicalSwitch(name: "by-a-2"))], assertLock: "ovn_edge"))
                    }
                    #expect(aRefused?.transactionFailure?.kind == .notOwner)

                    // a asks again and stands by; when b lets go, a gets `locked`.
                    _ = try await a.lock("ovn_edge")
                    try await b.unlock("ovn_edge")
                    try await a.waitForLock("ovn_edge", timeout: 5)
                    _ = try await a.transact(Transaction([.insert(NB.LogicalSwitch(name: "by-a-3"))], assertLock: "ovn_edge"))
                    #expect(b.lockState("ovn_edge") == .notRequested)

                    // When the holder goes away, the waiting client gets the lock.
                    _ = try await b.lock("ovn_edge")
                    #expect(b.lockState("ovn_edge") == .waiting)
                    await a.stop()
                    try await b.waitForLock("ovn_edge", timeout: 5)
                    #expect(Set(b.cache.snapshot()["Logical_Switch"].allRows.map { $0.string("name") }) == ["by-a", "by-a-3"])
                }
            }
        }
    }
}
