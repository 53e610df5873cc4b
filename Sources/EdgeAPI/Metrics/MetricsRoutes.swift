import EdgeCore
import EdgeStore
import HTTPServer

/// `GET /metrics`: Prometheus text format. Open (no token), like `/healthz`: scrapers rarely
/// carry tokens, and the figures name only routes, kinds, phases and external networks.
struct MetricsRoutes {
    let environment: APIEnvironment
    let http: HTTPMetrics
    let sync: (any SyncMetricsProvider)?

    var routes: [APIRoute] { [APIRoute(.get, "/metrics", metrics)] }

    func metrics(_ request: Request, _ context: RequestContext) async throws -> Response {
        var out = PrometheusText()
        writeHTTP(&out)
        try writeStore(&out)
        if let sync { writeSync(&out, await sync.syncMetrics()) }
        return Response(status: .ok, headerFields: [.contentType: PrometheusText.contentType], body: .bytes(Array(out.text.utf8)))
    }

    func writeHTTP(_ out: inout PrometheusText) {
        let (requests, latency) = http.snapshot()
        out.family("ovn_edge_http_requests_total", "counter", "HTTP requests by route pattern, method and status.")
        for (key, count) in requests {
            out.sample("ovn_edge_http_requests_total", [("route", key.route), ("method", key.method), ("status", String(key.status))], count)
        }
        out.family("ovn_edge_http_request_duration_seconds", "histogram", "Time to produce the response head, by route pattern and method.")
        for (key, histogram) in latency {
            out.histogram("ovn_edge_http_request_duration_seconds", [("route", key.route), ("method", key.method)], histogram)
        }
    }

    func writeStore(_ out: inout PrometheusText) throws {
        let store = environment.store
        out.family("ovn_edge_objects", "gauge", "Stored objects by kind and sync phase.")
        let counts = try store.sync.phaseCounts()
        for kind in ResourceKind.allCases {
            for phase in SyncPhase.allCases {
                out.sample("ovn_edge_objects", [("kind", kind.rawValue), ("phase", phase.rawValue)], counts[kind]?[phase] ?? 0)
            }
        }
        out.family("ovn_edge_sync_queue_depth", "gauge", "Objects waiting for the reconciler (not ready).")
        out.sample("ovn_edge_sync_queue_depth", [], try store.sync.unsyncedCount())

        out.family("ovn_edge_pool_addresses", "gauge", "Addresses of each external network's pool by family and state (usable, allocated, free).")
        var token: String?
        repeat {
            let page = try store.networks.list(ListQuery(limit: ListQuery.maximumLimit, pageToken: token))
            for network in page.items {
                let usage = try store.networks.usage(.id(network.id))
                let name = network.name ?? network.id.uuidString.lowercased()
                for (family, pool) in [("ipv4", usage.v4), ("ipv6", usage.v6)] {
                    guard let pool else { continue }
                    for (state, value) in [("usable", pool.usable), ("allocated", pool.allocated), ("free", pool.free)] {
                        out.sample("ovn_edge_pool_addresses", [("network", name), ("family", family), ("state", state)], Double(value))
                    }
                }
            }
            token = page.nextPageToken
        } while token != nil
    }

    func writeSync(_ out: inout PrometheusText, _ metrics: SyncMetrics) {
        out.family("ovn_edge_nb_connected", "gauge", "1 while the reconciler is connected to OVN NB.")
        out.sample("ovn_edge_nb_connected", [], metrics.nbConnected ? 1 : 0)
        out.family("ovn_edge_ovsdb_transactions_total", "counter", "NB transactions committed.")
        out.sample("ovn_edge_ovsdb_transactions_total", [], metrics.transactions)
        out.family("ovn_edge_ovsdb_transaction_errors_total", "counter", "NB transactions that failed.")
        out.sample("ovn_edge_ovsdb_transaction_errors_total", [], metrics.transactionErrors)
        out.family("ovn_edge_ovsdb_transaction_retries_total", "counter", "NB transactions re-sent after a lost connection or leader change.")
        out.sample("ovn_edge_ovsdb_transaction_retries_total", [], metrics.transactionRetries)
        out.family("ovn_edge_ovsdb_transaction_duration_seconds", "histogram", "Time from sending an NB transaction to its reply.")
        out.histogram("ovn_edge_ovsdb_transaction_duration_seconds", [], metrics.transactionLatency)
        out.family("ovn_edge_ovsdb_reconnects_total", "counter", "NB connections made after the first one.")
        out.sample("ovn_edge_ovsdb_reconnects_total", [], metrics.reconnects)
        out.family("ovn_edge_ovsdb_full_loads_total", "counter", "Full loads of the NB cache.")
        out.sample("ovn_edge_ovsdb_full_loads_total", [], metrics.fullLoads)
        out.family("ovn_edge_ovsdb_monitor_resumes_total", "counter", "Reconnects that resumed the NB monitor from the last transaction id.")
        out.sample("ovn_edge_ovsdb_monitor_resumes_total", [], metrics.monitorResumes)
    }
}
