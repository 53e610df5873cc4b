@testable import HTTPServer
import Testing

/// Path and target splitting work on UTF-8 bytes; these pin the results the router relies on,
/// including non-ASCII and percent-encoded segments.
@Suite struct PathSplittingTests {
    @Test(arguments: [
        ("/", [String]()),
        ("", []),
        ("/v1/eips/abc", ["v1", "eips", "abc"]),
        ("/a/b/", ["a", "b", ""]),
        ("//a", ["", "a"]),
        ("/a//b", ["a", "", "b"]),
        ("a/b", ["a", "b"]),
        ("/caf\u{e9}/\u{1F600}x/%2F", ["caf\u{e9}", "\u{1F600}x", "%2F"]),
        ("/e\u{301}/b", ["e\u{301}", "b"]),
    ])
    func segments(_ path: String, _ expected: [String]) {
        #expect(PathSegments.split(path) == expected)
    }

    @Test(arguments: [
        ("/v1/eips?limit=5&x=?", "/v1/eips", "limit=5&x=?"),
        ("/v1/eips", "/v1/eips", nil),
        ("/?", "/", ""),
        ("?a", "/", "a"),
        ("http://host:8080/v1/x?y=1", "/v1/x", "y=1"),
        ("http://host:8080", "/", nil),
        ("http://host?q", "/", nil),
        ("/caf\u{e9}?q=\u{e9}", "/caf\u{e9}", "q=\u{e9}"),
    ] as [(String, String, String?)])
    func target(_ target: String, _ path: String, _ query: String?) {
        let parsed = RequestTarget(target)
        #expect(parsed.path == path)
        #expect(parsed.query == query)
    }
}
