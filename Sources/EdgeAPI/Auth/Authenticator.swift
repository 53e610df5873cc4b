import EdgeStore
import HTTPServer

/// Finds the principal of a request from its `Authorization` header.
struct Authenticator: Sendable {
    let store: Store

    func principal(_ request: Request) throws -> Principal {
        guard let header = request.header(.authorization) else { throw AuthFailure.missing }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw AuthFailure.missing }
        guard let secret = TokenSecret(bearer: parts[1].trimmingCharacters(in: .whitespaces)),
              let record = try store.tokens.find(id: secret.id), secret.matches(storedHash: record.secretHash),
              let role = Role(rawValue: record.role) else { throw AuthFailure.invalid }
        guard !record.isRevoked else { throw AuthFailure.revoked }
        return Principal(tokenID: record.id, name: record.name, role: role, project: record.project)
    }
}

import Foundation
