import Foundation
import Testing
import TestSupport
import OVSDB

/// A 3-member Raft NB: the client finds the leader through `_Server`, and when the leader is
/// killed, transactions go on against the new one with nothing applied twice.
@Suite struct RaftClusterTests {
    static let tables = MonitoredTable.northboundEdge.map(\.name)

    @Test func transactionsSurviveLeaderKill() async throws {
        try await withRaftCluster { cluster in
            try await TestClient.with(cluster.remotes) { client in
                let server = try #require(client.serverDatabase)
                #expect(server.model == .clustered && server.leader && server.connected)
                let firstLeader = try #require(client.connectedRemote)
                #expect(cluster.member(forRemote: firstLeader.description)?.name == cluster.leader()?.name)
                _ = try await client.transact([.insert(table: "NB_Global", row: [:])])

                // Each transaction inserts a row with an explicit uuid and bumps a counter; a
                // retry after a lost reply is guarded by "that row does not exist yet". Four
                // writers keep transactions in flight while the leader is killed.
                let total = 80, workers = 4
                let progress = Counter()
                let killer = Task {
                    try await waitUntil(timeout: 30) { progress.current >= 20 }
                    cluster.member(forRemote: client.connectedRemote?.description ?? "")?.kill()
                }
                let alreadyApplied = try await withThrowingTaskGroup(of: Int.self) { group in
                    for worker in 0..<workers {
                        group.addTask {
                            var found = 0
                            for i in stride(from: worker, to: total, by: workers) {
                                let reply = try await client.transact(Transaction([
                                    .insert(NB.LogicalSwitch(name: "ls\(i)")),
                                    .mutate(table: "NB_Global", where: [], mutations: [.init("nb_cfg", .add, 1)]),
                                ], timeout: 60))
                                if reply.wasAlreadyApplied { found += 1 }
                                progress.increment()
                            }
                            return found
                        }
                    }
                    return try await group.reduce(0, +)
                }
                try await killer.value
                let newLeader = try #require(client.connectedRemote)
                #expect(newLeader != firstLeader)
                #expect(client.serverDatabase?.leader == true)

                let counted = try await client.transact([
                    .select(table: "Logical_Switch", where: [], columns: ["name"]),
                    .select(table: "NB_Global", where: [], columns: ["nb_cfg"]),
                ])
                let names = (counted[0].selectedRows ?? []).map { $0.string("name") }
                #expect(names.count == total && Set(names).count == total)
                #expect(counted[1].selectedRows?.first?.integer("nb_cfg") == total)
                #expect(client.cache.snapshot().all(NB.Global.self).first?.nbCfg == total)
                #expect(TestClient.cacheContent(client, tables: Self.tables) == (try await TestClient.serverContent(client, tables: Self.tables)))
                print("[measure] raft: \(total) guarded transactions (4 in flight) across a leader kill, \(alreadyApplied) found already applied on retry")

                // A planned leadership transfer (as before a snapshot): the client follows the
                // `_Server` update to the new leader.
                let before = try #require(client.connectedRemote)
                try cluster.member(forRemote: before.description)?.appctl("cluster/failure-test", "transfer-leadership")
                try await waitUntil(timeout: 20) { client.isReady && client.connectedRemote != nil && client.connectedRemote != before }
                _ = try await client.transact([.insert(NB.LogicalSwitch(name: "after-transfer"))])
                #expect(client.serverDatabase?.leader == true)
                #expect(client.cache.snapshot()["Logical_Switch"].count == total + 1)

                // A dropped connection to a clustered server resumes from the last transaction
                // id: only the missed change is sent, no full reload.
                let statistics = client.statistics
                let leader = try #require(cluster.member(forRemote: client.connectedRemote?.description ?? ""))
                let connections = client.connectionCount
                try leader.appctl("ovsdb-server/reconnect")
                try await waitUntil(timeout: 20) { client.connectionCount > connections && client.isReady }
                #expect(client.statistics.monitorResumes > statistics.monitorResumes)
                #expect(client.statistics.fullLoads == statistics.fullLoads)
                _ = try await client.transact([.insert(NB.LogicalSwitch(name: "after-resume"))])
                #expect(TestClient.cacheContent(client, tables: Self.tables) == (try await TestClient.serverContent(client, tables: Self.tables)))
                print("[measure] raft client statistics: \(client.statistics)")
            }
        }
    }

    @Test func leaderOnlyRejectsFollowers() async throws {
        try await withRaftCluster { cluster in
            let leader = try #require(cluster.leader())
            let follower = try #require(cluster.members.first { $0.name != leader.name })
            // Leader-only (the default) never settles on a follower…
            var configuration = try OVSDBClient.Configuration(remotes: follower.unixRemote)
            configuration.backoff = Backoff(initial: 0.05, maximum: 0.1)
            configuration.logger.logLevel = .error
            let strict = OVSDBClient(configuration)
            strict.start()
            await #expect(throws: OVSDBError.notConnected) { try await strict.waitUntilReady(timeout: 1) }
            await strict.stop()
            // …while a reader that accepts followers does, and sees the writes forwarded to the leader.
            try await TestClient.with(follower.unixRemote, configure: { $0.leaderOnly = false }) { reader in
                #expect(reader.serverDatabase?.leader == false)
                _ = try await reader.transact([.insert(NB.LogicalRouter(name: "via-follower"))])
                #expect(reader.cache.snapshot().named(NB.LogicalRouter.self, "via-follower").count == 1)
            }
        }
    }
}
