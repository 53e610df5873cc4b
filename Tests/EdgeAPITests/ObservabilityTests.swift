import EdgeAPI
import EdgeCore
import EdgeStore
import Foundation
import Testing
import TestSupport

/// `/metrics`, the event stream and the rate limit.
@Suite struct ObservabilityTests {
    static let auth = APIOptions(authentication: true)

    @Test func metricsParseAsPrometheusTextAndMoveWithRequests() async throws {
        try await APIFixture.run(options: Self.auth) { api in
            let admin = try api.token(.admin)
            let first = try PrometheusParser(try await api.get("/metrics").text)
            #expect(first.types["ovn_edge_http_requests_total"] == "counter")
            #expect(first.types["ovn_edge_http_request_duration_seconds"] == "histogram")
            #expect(first.value("ovn_edge_objects", ["kind": "eip", "phase": "pending"]) == 0)
            #expect(first.value("ovn_edge_sync_queue_depth", [:]) == 0)

            try await api.created(api.post("/v1/external-networks", ["name": "ext", "cidr_v4": "172.19.0.0/24", "gateway_v4": "172.19.0.1"], headers: admin))
            try await api.created(api.post("/v1/eips", ["network": "ext"], headers: admin))
            try await api.get("/v1/eips", headers: admin)
            try await api.get("/v1/eips")

            let response = try await api.get("/metrics")
            #expect(response.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
            let second = try PrometheusParser(response.text)
            let getOK = ["route": "/v1/eips", "method": "GET", "status": "200"]
            #expect(second.value("ovn_edge_http_requests_total", getOK) == 1)
            #expect(second.value("ovn_edge_http_requests_total", ["route": "/v1/eips", "method": "GET", "status": "401"]) == 1)
            #expect(second.value("ovn_edge_http_requests_total", ["route": "/v1/eips", "method": "POST", "status": "201"]) == 1)
            #expect(second.value("ovn_edge_http_request_duration_seconds_count", ["route": "/v1/eips", "method": "GET"]) == 2)
            #expect(second.value("ovn_edge_http_request_duration_seconds_bucket", ["route": "/v1/eips", "method": "GET", "le": "+Inf"]) == 2)
            // EIPs have no NB rows: ready at once; the network waits for the reconciler.
            #expect(second.value("ovn_edge_objects", ["kind": "eip", "phase": "ready"]) == 1)
            #expect(second.value("ovn_edge_objects", ["kind": "external-network", "phase": "pending"]) == 1)
            #expect(second.value("ovn_edge_sync_queue_depth", [:]) == 1)
            #expect(second.value("ovn_edge_pool_addresses", ["network": "ext", "family": "ipv4", "state": "allocated"]) == 1)
            let free = try #require(second.value("ovn_edge_pool_addresses", ["network": "ext", "family": "ipv4", "state": "free"]))
            let usable = try #require(second.value("ovn_edge_pool_addresses", ["network": "ext", "family": "ipv4", "state": "usable"]))
            #expect(free == usable - 1)
            // Buckets are cumulative.
            let buckets = second.samples.filter { $0.name == "ovn_edge_http_request_duration_seconds_bucket" && $0.labels["route"] == "/v1/eips" && $0.labels["method"] == "GET" }
            #expect(buckets.count == 15 && zip(buckets, buckets.dropFirst()).allSatisfy { $0.value <= $1.value })
        }
    }

    @Test func syncMetricsComeFromTheProvider() async throws {
        struct FixedSync: SyncMetricsProvider {
            func syncMetrics() async -> SyncMetrics {
                var metrics = SyncMetrics()
                metrics.nbConnected = true
                metrics.transactions = 7
                metrics.transactionErrors = 2
                metrics.reconnects = 3
                metrics.transactionLatency.observe(0.003)
                return metrics
            }
        }
        try await APIFixture.run(options: APIOptions(syncMetrics: FixedSync())) { api in
            let metrics = try PrometheusParser(try await api.get("/metrics").text)
            #expect(metrics.value("ovn_edge_ovsdb_transactions_total", [:]) == 7)
            #expect(metrics.value("ovn_edge_ovsdb_transaction_errors_total", [:]) == 2)
            #expect(metrics.value("ovn_edge_ovsdb_reconnects_total", [:]) == 3)
            #expect(metrics.value("ovn_edge_nb_connected", [:]) == 1)
            #expect(metrics.value("ovn_edge_ovsdb_transaction_duration_seconds_bucket", ["le": "0.0025"]) == 0)
            #expect(metrics.value("ovn_edge_ovsdb_transaction_duration_seconds_bucket", ["le": "0.005"]) == 1)
        }
    }

    @Test func rateLimitAnswers429WithRetryAfter() async throws {
        // One request per 1000 s and a burst of 2: the third request is over the limit however
        // slowly the test runs.
        let options = APIOptions(authentication: true, rateLimit: RateLimit(perSecond: 0.001, burst: 2))
        try await APIFixture.run(options: options) { api in
            let first = try api.token(.viewer, name: "first")
            let second = try api.token(.viewer, name: "second")
            #expect(try await api.get("/v1/eips", headers: first).status == 200)
            #expect(try await api.get("/v1/eips", headers: first).status == 200)
            let limited = try await api.get("/v1/eips", headers: first)
            #expect(limited.status == 429 && limited.code == "rate-limited")
            #expect(limited.header("Content-Type") == "application/problem+json")
            #expect((Int(limited.header("Retry-After") ?? "") ?? 0) >= 1)
            // Buckets are per token, and open routes are not limited.
            #expect(try await api.get("/v1/eips", headers: second).status == 200)
            #expect(try await api.get("/healthz").status == 200)
            #expect(try await api.get("/healthz").status == 200)
        }
    }

    @Test func eventStreamResumesFromLastEventIDAndDeliversLiveEvents() async throws {
        try await APIFixture.run(options: Self.auth) { api in
            let admin = try api.token(.admin)
            try await api.created(api.post("/v1/external-networks", ["name": "ext", "cidr_v4": "172.19.0.0/24", "gateway_v4": "172.19.0.1"], headers: admin))
            let eip = try await api.created(api.post("/v1/eips", ["network": "ext", "name": "e1"], headers: admin))
            let all = (try await api.get("/v1/events", headers: admin).json?["items"] as? [[String: Any]]) ?? []
            let ids = all.compactMap { $0["id"] as? Int64 ?? ($0["id"] as? Int).map(Int64.init) }
            #expect(ids.count >= 2)
            let resumeAfter = ids[0]
            let port = api.server.port

            // Resume: everything after the first event, then a live one.
            let stream = try SSEClient(port: port, path: "/v1/events/stream", headers: admin.merging(["Last-Event-ID": String(resumeAfter)]) { $1 })
            defer { stream.close() }
            let missed = Array(ids.dropFirst())
            try await offPool { try stream.read { _ in stream.eventIDs.count >= missed.count } }
            #expect(stream.received.hasPrefix("HTTP/1.1 200"))
            #expect(stream.received.contains("Content-Type: text/event-stream"))
            #expect(stream.eventIDs == missed)
            #expect(stream.received.contains("event: allocate") || stream.received.contains("event: create"))

            try await api.patch("/v1/eips/e1", ["labels": ["live": "yes"]], headers: admin)
            try await offPool { try stream.read { _ in stream.eventIDs.count > missed.count } }
            let live = try #require(stream.eventIDs.last)
            #expect(live > missed.last!)
            #expect(stream.received.contains("\"object_id\":\"\(eip["id"] as! String)\""))
            #expect(stream.received.contains("event: update"))

            // Status changes from the reconciler arrive too.
            try api.store.sync.setStatus(.eip, id: UUID(uuidString: eip["id"] as! String)!, status: SyncStatus(phase: .error, observedRevision: 2, message: "test", conditions: []))
            api.signals.raise(.status)
            try await offPool { try stream.read { $0.contains("event: status") } }
        }
    }

    @Test func eventStreamShowsProjectTokensOnlyTheirObjects() async throws {
        try await APIFixture.run(options: Self.auth) { api in
            let admin = try api.token(.admin)
            let alpha = try api.token(.operator, project: "alpha", name: "alpha")
            try await api.created(api.post("/v1/external-networks", ["name": "ext", "cidr_v4": "172.19.0.0/24", "gateway_v4": "172.19.0.1"], headers: admin))
            try await api.created(api.post("/v1/eips", ["network": "ext", "name": "other", "project": "beta"], headers: admin))
            let mine = try await api.created(api.post("/v1/eips", ["network": "ext", "name": "mine"], headers: alpha))
            let stream = try SSEClient(port: api.server.port, path: "/v1/events/stream?after=0", headers: alpha)
            defer { stream.close() }
            let mineID = mine["id"] as! String
            try await offPool { try stream.read { $0.contains(mineID) } }
            #expect(!stream.received.contains("\"name\":\"other\""))
            let unauthenticated = try SSEClient(port: api.server.port, path: "/v1/events/stream", headers: [:])
            defer { unauthenticated.close() }
            try await offPool { try unauthenticated.read { $0.contains("\r\n\r\n") } }
            #expect(unauthenticated.received.hasPrefix("HTTP/1.1 401"))
        }
    }
}
