import EdgeCore
import EdgeStore
import HTTPServer
import HTTPTypes

/// `/healthz`, `/readyz`, `/openapi.yaml` and `/v1/sync`.
struct OperationsRoutes {
    let environment: APIEnvironment

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/healthz", inline: true, healthz),
            APIRoute(.get, "/readyz", readyz),
            APIRoute(.get, "/openapi.yaml", openapi),
            APIRoute(.get, "/v1/sync", sync),
        ]
    }

    /// Liveness: answering at all is the check. The answer never changes, so it is built once
    /// (writing the JSON per request was ~4 % of `serve`'s CPU under a /healthz load).
    func healthz(_ request: Request, _ context: RequestContext) async throws -> Response {
        Self.healthy
    }

    private static let healthy = Response.json(.object([("status", .string("ok")), ("checks", .object([("http", .string("ok"))]))]))

    /// Readiness: the database has this binary's schema and the reconciler is connected to NB and
    /// caught up. 503 names what is missing.
    func readyz(_ request: Request, _ context: RequestContext) async throws -> Response {
        var checks: [(key: String, value: JSONValue)] = []
        var ready = true
        do {
            try environment.store.requireCurrentSchema()
            checks.append(("database", .string("ok")))
        } catch {
            ready = false
            checks.append(("database", .string("\(error)")))
        }
        let state = await environment.sync.syncState()
        let reconciler = !state.reconcilerRunning ? "not running" : !state.nbConnected ? "not connected to NB" : !state.caughtUp ? "first sync not done" : "ok"
        if reconciler != "ok" { ready = false }
        checks.append(("reconciler", .string(reconciler)))
        return .json(.object([("status", .string(ready ? "ok" : "unavailable")), ("checks", .object(checks))]),
                     status: ready ? .ok : .serviceUnavailable)
    }

    func openapi(_ request: Request, _ context: RequestContext) async throws -> Response {
        Response(status: .ok, headerFields: [.contentType: "application/yaml"], body: .bytes(OpenAPIDocument.bytes))
    }

    func sync(_ request: Request, _ context: RequestContext) async throws -> Response {
        let state = await environment.sync.syncState()
        // A count, not the list: clients poll this while thousands of objects wait, and
        // listing (and decoding) each of them per poll competed with the reconciler for the CPU.
        let pending = try environment.store.sync.unsyncedCount()
        return .json(.object([
            ("reconciler_running", .bool(state.reconcilerRunning)),
            ("nb_connected", .bool(state.nbConnected)),
            ("nb_remote", .string(state.nbRemote)),
            ("caught_up", .bool(state.caughtUp)),
            ("pending", .integer(pending)),
            ("last_sync_at", state.lastSyncAt.map(JSONValue.timestamp) ?? .null),
            ("last_error", .string(state.lastError)),
            ("deployment", .string(try environment.store.deploymentID().uuidString.lowercased())),
            ("writer_lock", .string(state.writerLock)),
        ]))
    }
}
