@testable import EdgeAPI
import EdgeCore
import EdgeStore
import Foundation
import Testing

@Suite struct ConventionTests {
    @Test func problemJSONShape() async throws {
        try await APIFixture.run { api in
            let response = try await api.raw("POST", "/v1/eips", body: #"{"network": "ext",}"#)
            #expect(response.status == 400)
            #expect(response.header("Content-Type") == "application/problem+json")
            let json = try #require(response.json)
            #expect(json["type"] as? String == "urn:ovn-edge:problem:malformed-json")
            #expect(json["code"] as? String == "malformed-json")
            #expect(json["status"] as? Int == 400)
            #expect(json["title"] is String)
            #expect(json["instance"] as? String == "/v1/eips")
            #expect(json["request_id"] as? String == response.header("X-Request-ID"))
        }
    }

    @Test func unknownRouteIsProblemJSON() async throws {
        try await APIFixture.run { api in
            let response = try await api.get("/v1/nothing-here")
            #expect(response.status == 404)
            #expect(response.code == "not-found")
        }
    }

    @Test func nonJSONBodyIs415() async throws {
        try await APIFixture.run { api in
            let response = try await api.raw("POST", "/v1/external-networks", body: "name=x", contentType: "application/x-www-form-urlencoded")
            #expect(response.status == 415)
            #expect(response.code == "unsupported-media-type")
            let json = try await api.raw("POST", "/v1/external-networks", body: #"{"name":"ext","cidr_v4":"172.19.0.0/16","gateway_v4":"172.19.0.1"}"#,
                                         contentType: " Application/JSON ; charset=utf-8")
            #expect(json.status == 201)
            let merge = try await api.raw("POST", "/v1/external-networks", body: #"{"name":"ext2"}"#, contentType: "application/merge-patch+json")
            #expect(merge.status == 415)
        }
    }

    @Test func mediaTypeIsTheTrimmedLowercasedPartBeforeParameters() {
        #expect(RequestBody.mediaType("application/json") == "application/json")
        #expect(RequestBody.mediaType(" \tApplication/JSON\t ; charset=utf-8") == "application/json")
        #expect(RequestBody.mediaType("text/plain;") == "text/plain")
        #expect(RequestBody.mediaType(" ; x") == "")
        #expect(RequestBody.mediaType("") == "")
    }

    @Test func requestIDIsEchoedAndStoredWithTheChange() async throws {
        try await APIFixture.run { api in
            let response = try await api.post("/v1/external-networks", ["name": "ext", "cidr_v4": "172.19.0.0/16"], headers: ["X-Request-ID": "req-abc-1"])
            #expect(response.status == 201)
            #expect(response.header("X-Request-ID") == "req-abc-1")
            let events = try await #require(api.get("/v1/events?request_id=req-abc-1").json?["items"] as? [[String: Any]])
            #expect(events.count == 1)
            #expect(events.first?["actor"] as? String == "anonymous")
            #expect(events.first?["action"] as? String == "create")
            #expect((events.first?["after"] as? [String: Any])?["name"] as? String == "ext")
        }
    }

    @Test func etagIfMatchAndIfNoneMatch() async throws {
        try await APIFixture.run { api in
            let network = try await api.network()
            let id = try #require(network["id"] as? String)
            let read = try await api.get("/v1/external-networks/\(id)")
            let tag = try #require(read.header("ETag"))
            #expect(try await api.get("/v1/external-networks/\(id)", headers: ["If-None-Match": tag]).status == 304)
            #expect(try await api.get("/v1/external-networks/ext", headers: ["If-None-Match": "\"99.00000000\""]).status == 200)

            let first = try await api.patch("/v1/external-networks/\(id)", ["labels": ["team": "edge"]], headers: ["If-Match": tag])
            #expect(first.status == 200)
            #expect(first.json?["revision"] as? Int == 2)
            let before = try api.changeCount()
            let stale = try await api.patch("/v1/external-networks/\(id)", ["labels": ["team": "other"]], headers: ["If-Match": tag])
            #expect(stale.status == 412)
            #expect(stale.code == "etag-mismatch")
            #expect(try api.changeCount() == before)
            #expect(try await api.delete("/v1/external-networks/\(id)", headers: ["If-Match": tag]).status == 412)
            // A status write-back keeps the revision part: the newer ETag still works for writes.
            try api.store.sync.setStatus(.externalNetwork, id: UUID(uuidString: id)!, status: SyncStatus(phase: .ready, observedRevision: 2))
            let fresh = try #require(first.header("ETag"))
            let afterStatus = try await api.get("/v1/external-networks/\(id)", headers: ["If-None-Match": fresh])
            #expect(afterStatus.status == 200, "a status change must not be hidden by 304")
            #expect(try await api.patch("/v1/external-networks/\(id)", ["mode": "distributed"], headers: ["If-Match": fresh]).status == 200)
        }
    }

    @Test func idempotencyKeyReplaysAndRefusesOtherBodies() async throws {
        try await APIFixture.run { api in
            try await api.network()
            let key = ["Idempotency-Key": "k-1"]
            let first = try await api.post("/v1/eips", ["network": "ext", "name": "web"], headers: key)
            #expect(first.status == 201)
            let again = try await api.post("/v1/eips", ["network": "ext", "name": "web"], headers: key)
            #expect(again.status == 201)
            #expect(again.header("Idempotency-Replayed") == "true")
            #expect(again.json?["id"] as? String == first.json?["id"] as? String)
            #expect(again.header("Location") == first.header("Location"))
            let eips = try await #require(api.get("/v1/eips").json?["items"] as? [Any])
            #expect(eips.count == 1)
            let other = try await api.post("/v1/eips", ["network": "ext", "name": "db"], headers: key)
            #expect(other.status == 422)
            #expect(other.code == "idempotency-key-reused")
            // Failures are replayed too: the same bad request gets the same answer.
            let bad = try await api.post("/v1/eips", ["network": "nope"], headers: ["Idempotency-Key": "k-2"])
            #expect(bad.status == 404)
            #expect(try await api.post("/v1/eips", ["network": "nope"], headers: ["Idempotency-Key": "k-2"]).text == bad.text)
        }
    }

    @Test func paginationAcrossPagesWithFilters() async throws {
        try await APIFixture.run { api in
            try await api.network()
            try await api.network("other", cidr: "10.0.0.0/24", gateway: "10.0.0.1")
            for index in 0..<7 {
                try await api.eip(["labels": ["tier": index % 2 == 0 ? "web" : "db"]])
                try await api.eip(network: "other")
            }
            var seen: [String] = []
            var path = "/v1/eips?network=ext&limit=3"
            var pages = 0
            while true {
                let page = try await #require(api.get(path).json)
                let items = try #require(page["items"] as? [[String: Any]])
                seen += items.compactMap { $0["ip_v4"] as? String }
                pages += 1
                guard let token = page["next_page_token"] as? String else { break }
                path = "/v1/eips?limit=3&network=ext&page_token=\(token)"
            }
            #expect(pages == 3)
            #expect(seen == (2...8).map { "172.19.0.\($0)" }, "creation order, every EIP once")

            let web = try await #require(api.get("/v1/eips?label.tier=web").json?["items"] as? [[String: Any]])
            #expect(web.count == 4)
            #expect(web.allSatisfy { ($0["labels"] as? [String: String])?["tier"] == "web" })
            let byIP = try await #require(api.get("/v1/eips?ip=10.0.0.3").json?["items"] as? [[String: Any]])
            #expect(byIP.count == 1)

            let firstPage = try await #require(api.get("/v1/eips?network=ext&limit=2").json?["next_page_token"] as? String)
            let mixed = try await api.get("/v1/eips?network=other&limit=2&page_token=\(firstPage)")
            #expect(mixed.status == 400)
            #expect(mixed.code == "invalid-page-token")
            #expect(try await api.get("/v1/eips?page_token=garbage").code == "invalid-page-token")
            #expect(try await api.get("/v1/eips?limit=1001").fieldErrors == ["limit:out-of-range"])
            #expect(try await api.get("/v1/eips?colour=red").fieldErrors == ["colour:unknown-field"])
            #expect(try await api.get("/v1/eips?phase=sleeping").status == 400)
            #expect(try await api.get("/v1/external-networks?network=ext").fieldErrors == ["network:unknown-field"])
        }
    }

    @Test func waitTimesOutWith202WithoutAReconciler() async throws {
        try await APIFixture.run { api in
            let response = try await api.post("/v1/external-networks?wait=0.2", ["name": "ext", "cidr_v4": "172.19.0.0/16"])
            #expect(response.status == 202, "\(response.text)")
            #expect((response.json?["status"] as? [String: Any])?["phase"] as? String == "pending")
            #expect(try await api.post("/v1/external-networks?wait=61", ["name": "x", "cidr_v4": "10.0.0.0/8"]).fieldErrors == ["wait:invalid-value"])
            // EIPs have no NB rows: ready at once, so waiting returns 201 immediately.
            #expect(try await api.post("/v1/eips?wait=5", ["network": "ext"]).status == 201)
        }
    }

    @Test func waitReturnsOnceTheReconcilerReportsReady() async throws {
        try await APIFixture.run { api in
            let store = api.store, signals = api.signals
            // A stand-in reconciler: marks every pending network ready when woken.
            let reconciler = Task {
                var seen: UInt64 = 0
                while !Task.isCancelled {
                    seen = await signals.wait(.desiredState, after: seen, timeout: .seconds(5))
                    for item in try store.sync.pending() where item.phase == .pending {
                        try store.sync.setStatus(item.kind, id: item.id, status: SyncStatus(phase: .ready, observedRevision: item.revision))
                    }
                    signals.raise(.status)
                }
            }
            defer { reconciler.cancel() }
            let response = try await api.post("/v1/external-networks?wait=10", ["name": "ext", "cidr_v4": "172.19.0.0/16"])
            #expect(response.status == 201)
            #expect((response.json?["status"] as? [String: Any])?["phase"] as? String == "ready")
        }
    }

    @Test func deleteInUseIs409WithUsedBy() async throws {
        try await APIFixture.run { api in
            try await api.network()
            let eip = try await api.eip(["name": "pub"])
            let fip = try await api.created(api.post("/v1/fips", ["eip": "pub", "router": "lr0", "internal_ip": "192.168.0.6"]))
            let before = try api.changeCount()
            let response = try await api.delete("/v1/eips/pub")
            #expect(response.status == 409)
            #expect(response.code == "eip-in-use")
            let users = try #require(response.json?["used_by"] as? [[String: Any]])
            #expect(users.map { $0["kind"] as? String } == ["fip"])
            #expect(users.first?["id"] as? String == fip["id"] as? String)
            let network = try await api.delete("/v1/external-networks/ext")
            #expect(network.status == 409)
            #expect(network.code == "network-in-use")
            #expect((network.json?["used_by"] as? [[String: Any]])?.first?["id"] as? String == eip["id"] as? String)
            #expect(try api.changeCount() == before, "a rejected request changes nothing")
            #expect(try await api.get("/v1/eips/pub").status == 200)
        }
    }

    @Test func unknownReferenceIs404NamingTheField() async throws {
        try await APIFixture.run { api in
            try await api.network()
            let response = try await api.post("/v1/fips", ["eip": "missing", "router": "lr0", "internal_ip": "192.168.0.6"])
            #expect(response.status == 404)
            #expect(response.code == "reference-not-found")
            #expect(response.fieldErrors == ["eip:not-found"])
            let gateway = try await api.post("/v1/router-gateways", ["router": "lr0", "network": "nope"])
            #expect(gateway.fieldErrors == ["network:not-found"])
            #expect(try await api.get("/v1/fips/3f8a2c1e-0000-4000-8000-000000000000").code == "not-found")
        }
    }

    @Test func rejectedRequestsChangeNothing() async throws {
        try await APIFixture.run { api in
            try await api.network("tiny", cidr: "10.9.0.0/30", gateway: "10.9.0.1")
            try await api.eip(network: "tiny")
            let before = try api.changeCount()
            #expect(try await api.post("/v1/eips", ["network": "tiny"]).code == "pool-exhausted")
            #expect(try await api.post("/v1/external-networks", ["name": "tiny", "cidr_v4": "10.8.0.0/24"]).code == "name-taken")
            #expect(try await api.post("/v1/eips", ["network": "tiny", "ip_v4": "10.9.0.2"]).status == 409)
            #expect(try api.changeCount() == before)
            let usage = try await #require(api.get("/v1/external-networks/tiny/usage").json)
            #expect((usage["v4"] as? [String: Any])?["free"] as? String == "0")
            #expect(usage["eips"] as? Int == 1)
        }
    }
}
