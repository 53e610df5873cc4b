import EdgeAPI
import EdgeStore
import Foundation
import Testing
import TestSupport

/// Bearer tokens, roles per route class, project isolation and revocation, in-process.
@Suite struct AuthTests {
    static let auth = APIOptions(authentication: true)
    static let index: [Role: Int] = [.viewer: 30, .operator: 20, .admin: 10]
    nonisolated(unsafe) static let network: [String: Any] = ["name": "ext", "cidr_v4": "172.19.0.0/16", "gateway_v4": "172.19.0.1"]

    @Test func everyRoleAgainstEveryRouteClass() async throws {
        try await APIFixture.run(options: Self.auth) { api in
            let admin = try api.token(.admin, name: "root")
            try await api.created(api.post("/v1/external-networks", Self.network, headers: admin))
            for role in Role.allCases {
                let headers = try api.token(role, name: "t-\(role.rawValue)")
                // Reads: every role.
                for path in ["/v1/external-networks", "/v1/eips", "/v1/fips", "/v1/mirrors", "/v1/events", "/v1/sync", "/v1/external-networks/ext/usage"] {
                    let response = try await api.get(path, headers: headers)
                    #expect(response.status == 200, "\(role) GET \(path): \(response.status) \(response.text)")
                }
                // Rule writes: operator and admin.
                let eip = try await api.post("/v1/eips", ["network": "ext", "name": "eip-\(role.rawValue)"], headers: headers)
                let mirror = try await api.post("/v1/mirrors", ["name": "m-\(role.rawValue)", "type": "gre", "index": Self.index[role]!, "filter": "both", "sink": "172.19.0.21"], headers: headers)
                if role >= .operator {
                    #expect(eip.status == 201, "\(role) POST /v1/eips: \(eip.text)")
                    #expect(mirror.status == 201, "\(role) POST /v1/mirrors: \(mirror.text)")
                    let fip = try await api.post("/v1/fips", ["eip": "eip-\(role.rawValue)", "router": "lr0", "internal_ip": "192.168.0.\(role == .admin ? 5 : 6)"], headers: headers)
                    #expect(fip.status == 201, "\(role) POST /v1/fips: \(fip.text)")
                    #expect(try await api.send("PUT", "/v1/mirrors/m-\(role.rawValue)/ports/p1", headers: headers).status == 200)
                } else {
                    for response in [eip, mirror] {
                        #expect(response.status == 403 && response.code == "forbidden", "\(role): \(response.status) \(response.text)")
                    }
                    #expect(try await api.send("DELETE", "/v1/eips/eip-operator", headers: headers).status == 403)
                }
                // Network writes: admin only.
                let network = try await api.post("/v1/external-networks", ["name": "n-\(role.rawValue)", "cidr_v4": "10.\(Self.index[role]!).0.0/24"], headers: headers)
                let patch = try await api.patch("/v1/external-networks/ext", ["gateway_chassis": ["c1"]], headers: headers)
                if role == .admin {
                    #expect(network.status == 201 && patch.status == 200, "\(network.text) \(patch.text)")
                } else {
                    #expect(network.status == 403 && patch.status == 403 && network.code == "forbidden")
                }
            }
        }
    }

    @Test func missingInvalidAndRevokedTokensAre401WithAChallenge() async throws {
        try await APIFixture.run(options: Self.auth) { api in
            let missing = try await api.get("/v1/eips")
            #expect(missing.status == 401 && missing.code == "authentication-required")
            #expect(missing.header("WWW-Authenticate") == #"Bearer realm="ovn-edge""#)
            #expect(missing.header("Content-Type") == "application/problem+json")
            let garbage = try await api.get("/v1/eips", headers: ["Authorization": "Bearer nope"])
            #expect(garbage.status == 401 && garbage.code == "invalid-token")
            #expect(garbage.header("WWW-Authenticate")?.contains(#"error="invalid_token""#) == true)
            // A well-formed token with a wrong secret.
            let (record, bearer) = try TokenIssuer.issue(api.store, role: .viewer, project: nil, name: "v")
            let forged = String(bearer.dropLast(4)) + (bearer.hasSuffix("0000") ? "1111" : "0000")
            #expect(try await api.get("/v1/eips", headers: ["Authorization": "Bearer \(forged)"]).code == "invalid-token")
            let headers = ["Authorization": "Bearer \(bearer)"]
            #expect(try await api.get("/v1/eips", headers: headers).status == 200)
            try api.store.tokens.revoke(record.id)
            let revoked = try await api.get("/v1/eips", headers: headers)
            #expect(revoked.status == 401 && revoked.code == "token-revoked")
            // Open routes need nothing; unknown paths still need a token.
            for path in ["/healthz", "/metrics", "/openapi.yaml"] {
                #expect(try await api.get(path).status == 200, "\(path)")
            }
            #expect(try await api.get("/readyz").status == 503)
            #expect(try await api.get("/v1/nothing-here").status == 401)
        }
    }

    @Test func projectTokensSeeAndTouchOnlyTheirProject() async throws {
        try await APIFixture.run(options: Self.auth) { api in
            let admin = try api.token(.admin, name: "root")
            try await api.created(api.post("/v1/external-networks", Self.network, headers: admin))
            let alpha = try api.token(.operator, project: "alpha", name: "alpha-op")
            let beta = try api.token(.operator, project: "beta", name: "beta-op")
            let alphaViewer = try api.token(.viewer, project: "alpha", name: "alpha-view")

            let mine = try await api.created(api.post("/v1/eips", ["network": "ext", "name": "a1"], headers: alpha))
            #expect(mine["project"] as? String == "alpha")
            let theirs = try await api.created(api.post("/v1/eips", ["network": "ext", "name": "b1", "project": "beta"], headers: beta))
            let theirID = theirs["id"] as! String
            let wrongProject = try await api.post("/v1/eips", ["network": "ext", "project": "beta"], headers: alpha)
            #expect(wrongProject.status == 403 && wrongProject.code == "project-forbidden")

            // Lists are filtered, even when another project is asked for.
            let names = { (response: HTTPTestClient.Response) in ((response.json?["items"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String } }
            #expect(names(try await api.get("/v1/eips", headers: alphaViewer)) == ["a1"])
            #expect(names(try await api.get("/v1/eips?project=beta", headers: alpha)).isEmpty)
            #expect(Set(names(try await api.get("/v1/eips", headers: admin))) == ["a1", "b1"])
            // External networks are shared.
            #expect(names(try await api.get("/v1/external-networks", headers: alpha)) == ["ext"])

            // Another project's object is 404 by id and by name, for reads and writes.
            for reference in [theirID, "b1"] {
                #expect(try await api.get("/v1/eips/\(reference)", headers: alpha).status == 404)
                #expect(try await api.patch("/v1/eips/\(reference)", ["labels": ["x": "y"]], headers: alpha).status == 404)
                #expect(try await api.delete("/v1/eips/\(reference)", headers: alpha).status == 404)
                #expect(try await api.get("/v1/eips/\(reference)/history", headers: alpha).status == 404)
            }
            // Rules cannot use another project's EIP either.
            let fip = try await api.post("/v1/fips", ["eip": "b1", "router": "lr0", "internal_ip": "192.168.0.6"], headers: alpha)
            #expect(fip.status == 404 && fip.code == "reference-not-found", "\(fip.text)")
            #expect(try await api.post("/v1/fips", ["eip": "a1", "router": "lr0", "internal_ip": "192.168.0.6"], headers: alpha).status == 201)

            // The change log shows alpha only its own objects (and the shared network).
            let events = (try await api.get("/v1/events?limit=1000", headers: alphaViewer).json?["items"] as? [[String: Any]]) ?? []
            #expect(!events.isEmpty)
            #expect(!events.contains { $0["object_id"] as? String == theirID })
            #expect(events.allSatisfy { ($0["actor"] as? String).map { ["alpha-op", "root"].contains($0) } ?? false })
            let holdings = (try await api.get("/v1/ip-history?ip=\(theirs["ip_v4"] as! String)", headers: alpha).json?["items"] as? [[String: Any]]) ?? []
            #expect(holdings.isEmpty)
            // Beta still has its EIP untouched.
            #expect(try await api.get("/v1/eips/b1", headers: beta).status == 200)
        }
    }

    @Test func theActorOfAChangeIsTheTokenName() async throws {
        try await APIFixture.run(options: Self.auth) { api in
            let admin = try api.token(.admin, name: "portal-admin")
            let network = try await api.created(api.post("/v1/external-networks", Self.network, headers: admin))
            let events = try await api.get("/v1/events?object_id=\(network["id"] as! String)", headers: admin)
            #expect((events.json?["items"] as? [[String: Any]])?.first?["actor"] as? String == "portal-admin")
        }
    }

    @Test func bodiesOverTheRouteLimitAre413() async throws {
        try await APIFixture.run(options: Self.auth) { api in
            let admin = try api.token(.admin)
            let big = "{\"network\":\"" + String(repeating: "x", count: 70_000) + "\"}"
            let response = try await api.send("POST", "/v1/eips", headers: admin.merging(["Content-Type": "application/json"]) { $1 }, body: Array(big.utf8))
            #expect(response.status == 413)
        }
    }

    @Test func tokenSecretsRoundTripAndOnlyHashesAreStored() throws {
        let secret = try #require(TokenSecret.generate())
        #expect(TokenSecret(bearer: secret.bearer) == secret)
        #expect(TokenSecret(bearer: "oe_zz_" + String(repeating: "0", count: 64)) == nil)
        #expect(secret.hash.count == 64 && secret.hash != secret.secret)
        // SHA-256 of the secret text (checked against Python's hashlib), to pin the hash function.
        let known = TokenSecret(bearer: "oe_0123456789abcdef_" + String(repeating: "a", count: 64))!
        #expect(known.hash == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }
}
