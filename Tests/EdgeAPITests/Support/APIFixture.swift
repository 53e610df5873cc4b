import EdgeAPI
import EdgeCore
import EdgeStore
import Foundation
import HTTPServer
import TestSupport

/// The API in-process: a migrated store in a temp folder, the HTTP server on 127.0.0.1 with an
/// ephemeral port, and a client. `APIFixture.run { api in … }` stops the server afterwards.
final class APIFixture: @unchecked Sendable {
    // Safe: used by one test at a time; the server and store are thread-safe themselves.
    let folder: TemporaryDirectory
    let store: Store
    let signals = StoreSignals()
    let server: HTTPServer
    let client: HTTPTestClient

    private init(sync: any SyncStateProvider, options: APIOptions) throws {
        folder = try TemporaryDirectory(prefix: "api")
        store = try Store.open(dataDirectory: folder.path)
        try store.migrate()
        var router = Router()
        RESTAPI(store: store, signals: signals, sync: sync, options: options).register(into: &router)
        server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), router: router)
        try server.start()
        client = HTTPTestClient(port: UInt16(server.port))
    }

    static func run(sync: any SyncStateProvider = NoReconciler(), options: APIOptions = APIOptions(),
                    _ body: (APIFixture) async throws -> Void) async throws {
        let fixture = try APIFixture(sync: sync, options: options)
        do {
            try await body(fixture)
        } catch {
            await fixture.stop()
            throw error
        }
        await fixture.stop()
    }

    private func stop() async {
        client.reset()
        await server.shutdown(deadline: .seconds(2))
        try? store.close()
        folder.remove()
    }

    // MARK: - Requests
    //
    // HTTPTestClient blocks; each call runs on a thread of its own so that parallel tests never
    // occupy the cooperative pool the server's `?wait=` timers need.

    func send(_ method: String, _ path: String, headers: [String: String] = [:], body: [UInt8]? = nil) async throws -> HTTPTestClient.Response {
        let client = self.client
        return try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try client.send(method, path, headers: headers, body: body) }) }.start()
        }
    }

    func send(_ method: String, _ path: String, json: [String: Any], headers: [String: String] = [:]) async throws -> HTTPTestClient.Response {
        let body = Array(try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]))
        return try await send(method, path, headers: headers.merging(["Content-Type": "application/json"]) { old, _ in old }, body: body)
    }

    @discardableResult
    func get(_ path: String, headers: [String: String] = [:]) async throws -> HTTPTestClient.Response {
        try await send("GET", path, headers: headers)
    }

    @discardableResult
    func post(_ path: String, _ json: [String: Any], headers: [String: String] = [:]) async throws -> HTTPTestClient.Response {
        try await send("POST", path, json: json, headers: headers)
    }

    @discardableResult
    func patch(_ path: String, _ json: [String: Any], headers: [String: String] = [:]) async throws -> HTTPTestClient.Response {
        try await send("PATCH", path, json: json, headers: headers)
    }

    @discardableResult
    func delete(_ path: String, headers: [String: String] = [:]) async throws -> HTTPTestClient.Response {
        try await send("DELETE", path, headers: headers)
    }

    @discardableResult
    func raw(_ method: String, _ path: String, body: String, contentType: String = "application/json") async throws -> HTTPTestClient.Response {
        try await send(method, path, headers: ["Content-Type": contentType], body: Array(body.utf8))
    }

    // MARK: - The seed's objects

    /// External network 172.19.0.0/16, gateway 172.19.0.1.
    @discardableResult
    func network(_ name: String = "ext", cidr: String = "172.19.0.0/16", gateway: String = "172.19.0.1",
                 extra: [String: Any] = [:]) async throws -> [String: Any] {
        try await created(post("/v1/external-networks", ["name": name, "cidr_v4": cidr, "gateway_v4": gateway].merging(extra) { $1 }))
    }

    @discardableResult
    func eip(network: String = "ext", _ extra: [String: Any] = [:]) async throws -> [String: Any] {
        try await created(post("/v1/eips", ["network": network].merging(extra) { $1 }))
    }

    struct UnexpectedResponse: Error, CustomStringConvertible { let description: String }

    /// The body of a 201, or a failure naming what came back instead.
    @discardableResult
    func created(_ response: HTTPTestClient.Response) throws -> [String: Any] {
        guard response.status == 201, let json = response.json else {
            throw UnexpectedResponse(description: "expected 201, got \(response.status): \(response.text)")
        }
        return json
    }

    /// Issues a token and returns the headers that authenticate with it.
    func token(_ role: Role, project: String? = nil, name: String? = nil) throws -> [String: String] {
        let (_, bearer) = try TokenIssuer.issue(store, role: role, project: project, name: name)
        return ["Authorization": "Bearer \(bearer)"]
    }

    /// How many change-log entries exist (to prove a rejected request wrote nothing).
    func changeCount() throws -> Int64 { try store.changeLog.latestID() }
}

extension HTTPTestClient.Response {
    /// problem+json `errors[]` as "field:code" strings.
    var fieldErrors: [String] {
        ((json?["errors"] as? [[String: Any]]) ?? []).map { "\($0["field"] as? String ?? "?"):\($0["code"] as? String ?? "?")" }
    }

    var code: String? { json?["code"] as? String }
}

/// `base` with `changes` applied (for request bodies that differ in a field or two).
func merged(_ base: [String: Any], _ changes: [String: Any]) -> [String: Any] { base.merging(changes) { $1 } }
