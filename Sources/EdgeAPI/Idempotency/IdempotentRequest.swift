import EdgeStore
import Foundation
import HTTPServer

/// Runs a POST under its `Idempotency-Key`: the first response (anything but a 5xx) is stored;
/// the same key with the same method, path and body replays it; another request with that key
/// is a 422 `idempotency-key-reused`.
struct IdempotentRequest {
    let environment: APIEnvironment

    func run(_ request: Request, _ context: RequestContext, _ body: () async throws -> Response) async throws -> Response {
        guard let key = request.header(.idempotencyKey) else { return try await body() }
        guard (1...255).contains(key.utf8.count) else {
            throw Problem.invalidHeader("Idempotency-Key", "must be 1 to 255 characters")
        }
        // Keys are scoped to the token: two clients may pick the same key.
        let scope = environment.principal(context).tokenID
        let hash = Self.fingerprint(request)
        let keys = environment.store.idempotencyKeys
        if let record = try keys.replay(scope: scope, key: key, requestHash: hash) {
            return try Self.decode(record.response)
        }
        guard environment.idempotency.begin(scope + "\u{0}" + key) else {
            throw Problem(status: 409, code: .idempotencyKeyInFlight, title: "A request with this key is still running",
                          detail: "retry once the first request with Idempotency-Key \(key) has finished")
        }
        defer { environment.idempotency.end(scope + "\u{0}" + key) }
        // The first request may have finished between the lookup and `begin`.
        if let record = try keys.replay(scope: scope, key: key, requestHash: hash) {
            return try Self.decode(record.response)
        }
        let response: Response
        do {
            response = try await body()
        } catch {
            response = .problem(Problem.from(error), request: request, context: context)
        }
        guard response.status.code < 500 else { return response }
        let stored = try JSONEncoder().encode(StoredResponse(response))
        let record = try keys.save(scope: scope, key: key, requestHash: hash, status: response.status.code, response: stored)
        return record.requestHash == hash ? response : try Self.decode(record.response)
    }

    static func decode(_ data: Data) throws -> Response {
        try JSONDecoder().decode(StoredResponse.self, from: data).response
    }

    /// Two independent FNV-1a hashes (128 bits) of method, path with query, and body.
    static func fingerprint(_ request: Request) -> String {
        var first: UInt64 = 0xcbf29ce484222325
        var second: UInt64 = 0x84222325cbf29ce4
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                first = (first ^ UInt64(byte)) &* 0x100000001b3
                second = (second ^ UInt64(byte ^ 0x5c)) &* 0x100000001b3
            }
        }
        mix(request.method.rawValue.utf8)
        mix([0])
        mix(request.target.utf8)
        mix([0])
        mix(request.body)
        return String(first, radix: 16) + String(second, radix: 16)
    }
}
