import EdgeCore
import EdgeStore
import Foundation
import Testing
import TestSupport

@Suite struct CrashTests {
    /// A child process commits 10 allocations, then is killed with SIGKILL inside the transaction
    /// that allocates an EIP for a new router gateway (EIP row, gateway row, holding row and
    /// change-log rows written, not committed). None of those rows may survive; the committed
    /// ones must be complete.
    @Test func killDuringAWriteLeavesNoPartialRows() async throws {
        let folder = try TemporaryDirectory(prefix: "crash")
        defer { folder.remove() }
        do {
            let store = try Store.open(dataDirectory: folder.path)
            try store.migrate()
            _ = try store.networks.create(ResourceInput(name: "public", spec: ExternalNetworkSpec(cidrV4: IPv4CIDR("192.0.2.0/24"))), context: .system)
            try store.close()
        }
        let child = try BackgroundProcess(ProcessRunner.ovnEdgeBinary(), ["store-crash-writer", "--data-dir", folder.path, "--network", "public", "--committed", "10"])
        try await waitUntil(timeout: 30) { child.output.contains("in-transaction") || !processIsAlive(child.pid) }
        #expect(child.output.contains("committed 10"), "\(child.output)")
        #expect(child.output.contains("in-transaction"), "\(child.output)")
        #expect(child.terminate(SIGKILL) == 128 + SIGKILL)

        let store = try Store.open(dataDirectory: folder.path)
        defer { try? store.close() }
        let eips = try store.eips.list(ListQuery(limit: 1000)).items
        #expect(eips.count == 10)
        #expect(try store.routerGateways.list().items.isEmpty)
        #expect(try store.routerGateways.find(.name("crash-gateway")) == nil)
        let log = try store.changeLog.entries(ChangeLogQuery(limit: 1000)).items
        #expect(log.count == 11, "network create + 10 allocations")
        #expect(log.filter { $0.action == .allocate }.map(\.objectID) == eips.map(\.id))
        for eip in eips {
            #expect(try store.allocationHistory.holdings(eip: eip.id).count == 1)
        }
        // The store is usable and the address the dead transaction had picked is free.
        let next = try store.eips.create(ResourceInput(spec: EIPSpec(network: .name("public"))), context: .system)
        #expect(next.spec.ipV4?.description == "192.0.2.11")
        let queue = try GRDBAccess.queue(store.path)
        #expect(try await queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        #expect(try await queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM ip_allocations") } == 11)
        try queue.close()
    }
}

import GRDB
