import EdgeAPI
import EdgeCore
import EdgeStore
import Foundation
import TestSupport
import Testing

/// `GET <path>/{id}` answers from a cache of encoded objects; every kind of write — through the
/// API, by the reconciler's status write-back or purge, or by another object changing an EIP's
/// `used_by` — must be visible to the very next GET.
@Suite struct ReadCacheTests {
    /// GETs twice (the second is a cache hit when nothing changed) and returns the body.
    func read(_ api: APIFixture, _ path: String) async throws -> [String: Any] {
        let first = try await api.get(path)
        let second = try await api.get(path)
        #expect(first.status == 200 && second.status == 200)
        #expect(first.text == second.text, "a repeated GET answers the same bytes")
        #expect(first.header("ETag") == second.header("ETag"))
        return try #require(second.json)
    }

    func users(_ eip: [String: Any]) -> [String] {
        (eip["used_by"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }.sorted()
    }

    @Test func everyWriteIsSeenByTheNextGet() async throws {
        try await APIFixture.run { api in
            try await api.network()
            let eip = try await api.eip(["name": "pub"])
            let eipID = try #require(eip["id"] as? String)
            let eipPath = "/v1/eips/\(eipID)"
            #expect(try await read(api, eipPath)["name"] as? String == "pub")
            #expect(try await read(api, "/v1/eips/pub")["id"] as? String == eipID, "by name too")

            // The API's own update.
            #expect(try await api.patch(eipPath, ["labels": ["tier": "web"]]).status == 200)
            #expect(try await read(api, eipPath)["labels"] as? [String: String] == ["tier": "web"])
            #expect(try await read(api, "/v1/eips/pub")["revision"] as? Int == 2)

            // Another object's create changes the EIP's used_by.
            let fip = try await api.created(api.post("/v1/fips", ["eip": "pub", "router": "lr0", "internal_ip": "192.168.0.6"]))
            let fipID = try #require(fip["id"] as? String)
            #expect(users(try await read(api, eipPath)) == ["fip"])
            #expect(try await read(api, "/v1/fips/\(fipID)")["status"].flatMap { ($0 as? [String: Any])?["phase"] as? String } == "pending")

            // The reconciler's status write-back.
            try api.store.sync.setStatus(.floatingIP, id: UUID(uuidString: fipID)!, status: SyncStatus(phase: .ready, observedRevision: 1))
            #expect(try await read(api, "/v1/fips/\(fipID)")["status"].flatMap { ($0 as? [String: Any])?["phase"] as? String } == "ready")

            // Delete (deleting), then the reconciler's purge frees the EIP.
            #expect(try await api.delete("/v1/fips/\(fipID)").status == 202)
            #expect(try await read(api, "/v1/fips/\(fipID)")["status"].flatMap { ($0 as? [String: Any])?["phase"] as? String } == "deleting")
            try api.store.sync.purge(.floatingIP, id: UUID(uuidString: fipID)!)
            #expect(try await api.get("/v1/fips/\(fipID)").status == 404)
            #expect(users(try await read(api, eipPath)) == [])

            // The EIP's own delete.
            #expect(try await api.delete(eipPath).status == 204)
            #expect(try await api.get(eipPath).status == 404)
            #expect(try await api.get("/v1/eips/pub").status == 404)
        }
    }

    @Test func aWriteStraightToTheStoreIsSeenToo() async throws {
        try await APIFixture.run { api in
            try await api.network()
            let eip = try await api.eip(["name": "pub"])
            let path = "/v1/eips/\(try #require(eip["id"] as? String))"
            #expect(try await read(api, path)["name"] as? String == "pub")
            _ = try api.store.eips.update(.name("pub"), context: .system) { $0.name = "renamed" }
            #expect(try await read(api, path)["name"] as? String == "renamed")
        }
    }

    /// Another process on the same database file (a `serve` replica, `ovn-edge` commands) has
    /// its own store and write generation; its commits must be seen too. A second `Store` on
    /// the file is such a writer: its own connections, its own generation.
    @Test func aWriteByAnotherProcessOnTheFileIsSeen() async throws {
        try await APIFixture.run { api in
            try await api.network()
            let eip = try await api.eip(["name": "pub"])
            let path = "/v1/eips/\(try #require(eip["id"] as? String))"
            #expect(try await read(api, path)["name"] as? String == "pub")
            let replica = try Store.open(path: api.store.path)
            defer { try? replica.close() }
            for round in 1...3 {
                _ = try replica.eips.update(.id(UUID(uuidString: path.components(separatedBy: "/").last!)!), context: .system) {
                    $0.labels = ["round": "\(round)"]
                }
                #expect(try await read(api, path)["labels"] as? [String: String] == ["round": "\(round)"], "round \(round)")
            }
        }
    }

    @Test func projectScopeAndETagsStillApplyToCachedAnswers() async throws {
        try await APIFixture.run(options: APIOptions(authentication: true)) { api in
            let admin = try api.token(.admin)
            #expect(try await api.send("POST", "/v1/external-networks", json: ["name": "ext", "cidr_v4": "172.19.0.0/16", "gateway_v4": "172.19.0.1"], headers: admin).status == 201)
            let eip = try await api.send("POST", "/v1/eips", json: ["network": "ext", "project": "blue"], headers: admin)
            let path = "/v1/eips/\(try #require(eip.json?["id"] as? String))"
            let blue = try api.token(.viewer, project: "blue")
            let red = try api.token(.viewer, project: "red")
            let seen = try await api.get(path, headers: blue)
            #expect(seen.status == 200)
            #expect(try await api.get(path, headers: red).status == 404, "cached for blue, still hidden from red")
            let tag = try #require(seen.header("ETag"))
            #expect(try await api.get(path, headers: blue.merging(["If-None-Match": tag]) { $1 }).status == 304)
        }
    }

    @Test func concurrentReadersAndWritersNeverSeeAnOlderRevisionAfterAWrite() async throws {
        try await APIFixture.run { api in
            try await api.network()
            let eip = try await api.eip(["name": "pub"])
            let path = "/v1/eips/\(try #require(eip["id"] as? String))"
            let port = UInt16(api.server.port)
            try await withThrowingTaskGroup(of: Void.self) { group in
                // Background readers on their own connections (and threads) keep the cache warm
                // and racing with the writes while revisions move on.
                for _ in 0..<3 {
                    group.addTask {
                        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                            Thread {
                                continuation.resume(with: Result {
                                    let client = HTTPTestClient(port: port)
                                    for _ in 0..<200 { _ = try client.send("GET", path, headers: [:], body: nil) }
                                })
                            }.start()
                        }
                    }
                }
                for revision in 2...16 {
                    #expect(try await api.patch(path, ["labels": ["n": "\(revision)"]]).status == 200)
                    let after = try await api.get(path)
                    #expect(after.json?["revision"] as? Int == revision)
                    #expect(after.json?["labels"] as? [String: String] == ["n": "\(revision)"])
                }
                try await group.waitForAll()
            }
        }
    }
}
