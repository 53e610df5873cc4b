import EdgeStore
import HTTPServer

/// Finds the principal of a request from its `Authorization` header.
/// Recent successes are remembered (`PrincipalCache`: until the database changes, at most a
/// second), so a busy client costs a token lookup now and then instead of one per request.
struct Authenticator: Sendable {
    let store: Store
    var cache = PrincipalCache()

    func principal(_ request: Request) throws -> Principal {
        guard let header = request.header(.authorization) else { throw AuthFailure.missing }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw AuthFailure.missing }
        let bearer = parts[1].trimmingCharacters(in: .whitespaces)
        let stamp = DatabaseStamp(store: store)
        if let known = cache.principal(for: bearer, stamp: stamp) { return known }
        guard let secret = TokenSecret(bearer: bearer),
              let record = try store.tokens.find(id: secret.id), secret.matches(storedHash: record.secretHash),
              let role = Role(rawValue: record.role) else { throw AuthFailure.invalid }
        guard !record.isRevoked else { throw AuthFailure.revoked }
        let principal = Principal(tokenID: record.id, name: record.name, role: role, project: record.project)
        cache.store(principal, for: bearer, stamp: stamp)
        return principal
    }
}

import Foundation
