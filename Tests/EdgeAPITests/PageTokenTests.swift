import Testing
@testable import EdgeAPI

@Suite struct PageTokenTests {
    @Test func roundTrips() throws {
        let signature = PageToken.signature(of: ["network": "ext", "project": "p"])
        let token = PageToken(cursor: "eips.12345", querySignature: signature)
        #expect(try PageToken.decode(token.encoded, expecting: signature) == token)
        #expect(!token.encoded.contains("="))
    }

    @Test func signatureIgnoresFilterOrderButNotValues() {
        #expect(PageToken.signature(of: ["a": "1", "b": "2"]) == PageToken.signature(of: ["b": "2", "a": "1"]))
        #expect(PageToken.signature(of: ["a": "1"]) != PageToken.signature(of: ["a": "2"]))
    }

    @Test func rejectsTokensOfOtherQueries() {
        let token = PageToken(cursor: "eips.1", querySignature: PageToken.signature(of: ["a": "1"]))
        #expect { try PageToken.decode(token.encoded, expecting: PageToken.signature(of: [:])) } throws: {
            ($0 as? Problem)?.code == .invalidPageToken
        }
    }

    @Test(arguments: ["", "!!!", "djE6eDp5", "aGVsbG8", String(repeating: "A", count: 200)])
    func rejectsGarbage(_ token: String) {
        #expect(throws: Problem.self) { try PageToken.decode(token, expecting: 0) }
    }
}
