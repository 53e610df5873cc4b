import EdgeAPI
import EdgeCore
import EdgeStore
import Foundation
import Testing

/// `POST <collection>:bulk`: all or nothing, problems that name the item, request order kept.
@Suite struct BulkCreateTests {
    @Test func createsEveryItemInOrder() async throws {
        try await APIFixture.run { api in
            try await api.network()
            let eips = try await api.created(api.post("/v1/eips:bulk", ["items": (0..<50).map { ["network": "ext", "name": "pub-\($0)"] }]))
            let eipItems = try #require(eips["items"] as? [[String: Any]])
            #expect(eipItems.map { $0["name"] as? String } == (0..<50).map { "pub-\($0)" })
            #expect(Set(eipItems.compactMap { $0["ip_v4"] as? String }).count == 50, "every EIP got its own address")

            let fips = try await api.created(api.post("/v1/fips:bulk", ["items": (0..<50).map {
                ["eip": "pub-\($0)", "router": "lr0", "internal_ip": "192.168.0.\($0 + 10)", "labels": ["batch": "a"]]
            }]))
            let fipItems = try #require(fips["items"] as? [[String: Any]])
            #expect(fipItems.map { $0["external_ip"] as? String } == eipItems.map { $0["ip_v4"] as? String })
            #expect(fipItems.allSatisfy { ($0["status"] as? [String: Any])?["phase"] as? String == "pending" })
            let listed = try #require(await api.get("/v1/fips?label.batch=a&limit=1000").json?["items"] as? [[String: Any]])
            #expect(listed.map { $0["id"] as? String } == fipItems.map { $0["id"] as? String }, "stored in request order")
            let used = try #require(await api.get("/v1/eips/pub-7").json?["used_by"] as? [[String: Any]])
            #expect(used.first?["id"] as? String == fipItems[7]["id"] as? String)
        }
    }

    @Test func oneBadItemStoresNothing() async throws {
        try await APIFixture.run { api in
            try await api.network()
            try await api.eip(["name": "a"])
            try await api.eip(["name": "b"])
            let before = try api.changeCount()
            // Item 2 takes the EIP item 0 took: a conflict only the store can see.
            let conflict = try await api.post("/v1/fips:bulk", ["items": [
                ["eip": "a", "router": "lr0", "internal_ip": "192.168.0.2"],
                ["eip": "b", "router": "lr0", "internal_ip": "192.168.0.3"],
                ["eip": "a", "router": "lr1", "internal_ip": "192.168.0.4"],
            ]])
            #expect(conflict.status == 409)
            #expect(conflict.code == "eip-already-bound")
            #expect(conflict.fieldErrors == ["items[2].eip:eip-already-bound"])
            #expect(try api.changeCount() == before, "nothing of the request was stored")
            #expect((try await api.get("/v1/fips").json?["items"] as? [Any])?.count == 0)

            let missing = try await api.post("/v1/fips:bulk", ["items": [
                ["eip": "a", "router": "lr0", "internal_ip": "192.168.0.2"],
                ["eip": "nope", "router": "lr0", "internal_ip": "192.168.0.3"],
            ]])
            #expect(missing.status == 404)
            #expect(missing.code == "reference-not-found")
            #expect(missing.fieldErrors == ["items[1].eip:not-found"])
            #expect(try api.changeCount() == before)
        }
    }

    @Test func everyInvalidItemIsNamed() async throws {
        try await APIFixture.run { api in
            try await api.network()
            try await api.eip(["name": "a"])
            let response = try await api.post("/v1/fips:bulk", ["items": [
                ["eip": "a", "router": "lr0", "internal_ip": "192.168.0.2"],
                ["eip": "a", "router": "lr0", "internal_ip": "not-an-ip", "colour": "red"],
                ["router": "lr0", "internal_ip": "192.168.0.4"],
            ]])
            #expect(response.status == 422)
            #expect(Set(response.fieldErrors) == ["items[1].internal_ip:invalid-ip", "items[1].colour:unknown-field", "items[2].eip:required"])

            let badLabel = try await api.post("/v1/fips:bulk", ["items": [
                ["eip": "a", "router": "lr0", "internal_ip": "192.168.0.2"],
                ["eip": "a", "router": "lr0", "internal_ip": "192.168.0.3", "labels": ["a b": "x"]],
            ]])
            #expect(badLabel.status == 422)
            #expect(badLabel.fieldErrors == ["items[1].labels.a b:invalid-label"], "named once, inside its item")

            let shapes: [([String: Any], String)] = [
                ([:], "items:required"),
                (["items": []], "items:too-short"),
                (["items": "x"], "items:invalid-type"),
                (["items": [["eip": "a", "router": "lr0", "internal_ip": "192.168.0.2"], 7]], "items[1]:invalid-type"),
                (["items": [["eip": "a", "router": "lr0", "internal_ip": "192.168.0.2"]], "extra": true], "extra:unknown-field"),
            ]
            for (body, expected) in shapes {
                let reply = try await api.post("/v1/fips:bulk", body)
                #expect(reply.status == 422, "\(body)")
                #expect(reply.fieldErrors == [expected], "\(body)")
            }
            #expect((try await api.get("/v1/fips").json?["items"] as? [Any])?.count == 0)
        }
    }

    @Test func manyBadItemsListTheFirstHundred() async throws {
        try await APIFixture.run { api in
            let response = try await api.post("/v1/eips:bulk", ["items": (0..<300).map { _ in ["network": "ext", "ip_v4": "x"] }])
            #expect(response.status == 422)
            #expect(response.fieldErrors.count == 100)
            #expect((response.json?["detail"] as? String)?.hasPrefix("300 fields are invalid") == true)
        }
    }

    @Test func projectTokenCannotBulkIntoAnotherProject() async throws {
        try await APIFixture.run(options: APIOptions(authentication: true)) { api in
            let admin = try api.token(.admin)
            #expect(try await api.post("/v1/external-networks", ["name": "ext", "cidr_v4": "172.19.0.0/16", "gateway_v4": "172.19.0.1"], headers: admin).status == 201)
            let tenant = try api.token(.operator, project: "blue")
            let response = try await api.post("/v1/eips:bulk", ["items": [["network": "ext"], ["network": "ext", "project": "red"]]], headers: tenant)
            #expect(response.status == 403)
            #expect(response.fieldErrors == ["items[1].project:project-forbidden"])
            let viewer = try api.token(.viewer)
            #expect(try await api.post("/v1/eips:bulk", ["items": [["network": "ext"]]], headers: viewer).code == "forbidden")
            let ok = try await api.post("/v1/eips:bulk", ["items": [["network": "ext"], ["network": "ext"]]], headers: tenant)
            #expect(ok.status == 201)
            #expect((ok.json?["items"] as? [[String: Any]])?.allSatisfy { $0["project"] as? String == "blue" } == true)
        }
    }

    /// The items' EIPs are checked against the token's project in one read; another project's
    /// EIP (by name or id) is answered like a missing one, naming the item, and nothing is stored.
    @Test func projectTokenCannotBulkOntoAnotherProjectsEIP() async throws {
        try await APIFixture.run(options: APIOptions(authentication: true)) { api in
            let admin = try api.token(.admin)
            #expect(try await api.post("/v1/external-networks", ["name": "ext", "cidr_v4": "172.19.0.0/16", "gateway_v4": "172.19.0.1"], headers: admin).status == 201)
            for (name, project) in [("a1", "blue"), ("a2", "blue"), ("r1", "red")] {
                #expect(try await api.post("/v1/eips", ["network": "ext", "name": name, "project": project], headers: admin).status == 201)
            }
            let redID = try #require(try await api.get("/v1/eips/r1", headers: admin).json?["id"] as? String)
            let tenant = try api.token(.operator, project: "blue")
            for (index, reference) in [(1, "r1"), (2, redID)] {
                var items: [[String: Any]] = [["eip": "a1", "router": "lr0", "internal_ip": "192.168.0.2"], ["eip": "a2", "router": "lr0", "internal_ip": "192.168.0.3"]]
                items.insert(["eip": reference, "router": "lr0", "internal_ip": "192.168.0.4"], at: index)
                let refused = try await api.post("/v1/fips:bulk", ["items": items], headers: tenant)
                #expect(refused.status == 404)
                #expect(refused.code == "reference-not-found")
                #expect(refused.fieldErrors == ["items[\(index)].eip:not-found"], "\(refused.text)")
                #expect((try await api.get("/v1/fips", headers: admin).json?["items"] as? [Any])?.count == 0)
            }
            let ok = try await api.post("/v1/fips:bulk", ["items": [
                ["eip": "a1", "router": "lr0", "internal_ip": "192.168.0.2"], ["eip": "a2", "router": "lr0", "internal_ip": "192.168.0.3"],
            ]], headers: tenant)
            #expect(ok.status == 201, "\(ok.text)")
        }
    }

    @Test func idempotencyKeyReplaysTheBulk() async throws {
        try await APIFixture.run { api in
            try await api.network()
            let body: [String: Any] = ["items": [["network": "ext", "name": "x"], ["network": "ext", "name": "y"]]]
            let first = try await api.post("/v1/eips:bulk", body, headers: ["Idempotency-Key": "k1"])
            let again = try await api.post("/v1/eips:bulk", body, headers: ["Idempotency-Key": "k1"])
            #expect(first.status == 201)
            #expect(again.status == 201)
            #expect(first.text == again.text, "the stored reply, not a second allocation")
            #expect((try await api.get("/v1/eips").json?["items"] as? [Any])?.count == 2)
        }
    }

    /// `?wait` on a bulk answers 201 once every item settled — in order, the later ones after
    /// the earlier ones, an `error` settled too — with each item as stored then.
    @Test func waitAnswersOnceEveryItemSettled() async throws {
        try await APIFixture.run { api in
            try await api.network()
            _ = try await api.created(api.post("/v1/eips:bulk", ["items": (0..<600).map { ["network": "ext", "name": "w-\($0)"] }]))
            let store = api.store, signals = api.signals
            // A stand-in reconciler: each wake-up settles the oldest 250 pending FIPs (the
            // 7th FIP fails), so the bulk settles over several status changes and chunks.
            let reconciler = Task {
                var seen: UInt64 = 0
                while !Task.isCancelled {
                    seen = await signals.wait(.desiredState, after: seen, timeout: .milliseconds(20))
                    let pending = try store.sync.pending(kinds: [.floatingIP], limit: 250).filter { $0.phase == .pending }
                    guard !pending.isEmpty else { continue }
                    _ = try await store.sync.setStatuses(pending.map { item in
                        let failed = try store.fips.get(.id(item.id)).spec.internalIP.description == "192.168.1.7"
                        return (item.kind, item.id, failed ? SyncStatus(phase: .error, message: "no such router")
                                                          : SyncStatus(phase: .ready, observedRevision: item.revision))
                    })
                    signals.raise(.status)
                }
            }
            defer { reconciler.cancel() }
            let reply = try await api.post("/v1/fips:bulk?wait=20", ["items": (0..<600).map {
                ["eip": "w-\($0)", "router": "lr0", "internal_ip": "192.168.\(1 + $0 / 200).\($0 % 200)"]
            }])
            #expect(reply.status == 201, "\(reply.text.prefix(300))")
            let items = try #require(reply.json?["items"] as? [[String: Any]])
            let phases = items.map { ($0["status"] as? [String: Any])?["phase"] as? String }
            #expect(items.count == 600)
            #expect(phases[7] == "error")
            #expect(phases.enumerated().allSatisfy { $0.offset == 7 || $0.element == "ready" }, "\(Set(phases.map { $0 ?? "-" }))")
            let inRequestOrder = items.enumerated().allSatisfy { $0.element["internal_ip"] as? String == "192.168.\(1 + $0.offset / 200).\($0.offset % 200)" }
            #expect(inRequestOrder)
        }
    }

    /// Without a reconciler `?wait` runs out: 202, every item as stored (pending); items settled
    /// meanwhile show it.
    @Test func waitRunsOutWith202() async throws {
        try await APIFixture.run { api in
            try await api.network()
            _ = try await api.created(api.post("/v1/eips:bulk", ["items": (0..<3).map { ["network": "ext", "name": "t-\($0)"] }]))
            let store = api.store, signals = api.signals
            // Settles only the first FIP, once the bulk is stored.
            let before = signals.generation(.desiredState)
            let reconciler = Task {
                _ = await signals.wait(.desiredState, after: before, timeout: .seconds(5))
                let first = try #require(try store.sync.pending(kinds: [.floatingIP], limit: 1).first)
                try store.sync.setStatus(.floatingIP, id: first.id, status: SyncStatus(phase: .ready, observedRevision: first.revision))
                signals.raise(.status)
            }
            defer { reconciler.cancel() }
            let reply = try await api.post("/v1/fips:bulk?wait=0.5", ["items": (0..<3).map {
                ["eip": "t-\($0)", "router": "lr0", "internal_ip": "192.168.0.\($0 + 10)"]
            }])
            #expect(reply.status == 202, "\(reply.text.prefix(300))")
            let phases = try #require(reply.json?["items"] as? [[String: Any]]).map { ($0["status"] as? [String: Any])?["phase"] as? String }
            #expect(phases == ["ready", "pending", "pending"])
        }
    }

    @Test func kindsWithoutBulkHaveNoRoute() async throws {
        try await APIFixture.run { api in
            let reply = try await api.post("/v1/mirrors:bulk", ["items": [["name": "m"]]])
            #expect(reply.status == 404)
        }
    }
}
