import EdgeAPI
import EdgeStore
import Foundation
import Testing

/// Authenticated principals are cached; revocations must still win, whether this process writes
/// them or another one does (`ovn-edge token revoke`).
@Suite struct AuthCacheTests {
    @Test func aRevocationByThisProcessIsSeenByTheNextRequest() async throws {
        try await APIFixture.run(options: APIOptions(authentication: true)) { api in
            let (record, bearer) = try TokenIssuer.issue(api.store, role: .viewer, project: nil, name: "v")
            let headers = ["Authorization": "Bearer \(bearer)"]
            for _ in 0..<3 { #expect(try await api.get("/v1/eips", headers: headers).status == 200) }
            try api.store.tokens.revoke(record.id)
            #expect(try await api.get("/v1/eips", headers: headers).code == "token-revoked")
        }
    }

    @Test func aRevocationByAnotherProcessIsSeenByTheNextRequest() async throws {
        try await APIFixture.run(options: APIOptions(authentication: true)) { api in
            let (record, bearer) = try TokenIssuer.issue(api.store, role: .viewer, project: nil, name: "v")
            let headers = ["Authorization": "Bearer \(bearer)"]
            #expect(try await api.get("/v1/eips", headers: headers).status == 200)
            // Another writer on the same file, as `ovn-edge token revoke` is.
            let other = try Store.open(path: api.store.path)
            try other.tokens.revoke(record.id)
            try other.close()
            #expect(try await api.get("/v1/eips", headers: headers).code == "token-revoked")
        }
    }

    @Test func aWrongSecretIsNeverAnsweredFromTheCache() async throws {
        try await APIFixture.run(options: APIOptions(authentication: true)) { api in
            let (_, bearer) = try TokenIssuer.issue(api.store, role: .viewer, project: nil, name: "v")
            #expect(try await api.get("/v1/eips", headers: ["Authorization": "Bearer \(bearer)"]).status == 200)
            let forged = String(bearer.dropLast(4)) + (bearer.hasSuffix("0000") ? "1111" : "0000")
            #expect(try await api.get("/v1/eips", headers: ["Authorization": "Bearer \(forged)"]).code == "invalid-token")
        }
    }
}
