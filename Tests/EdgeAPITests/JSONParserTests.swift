import Testing
@testable import EdgeAPI

@Suite struct JSONParserTests {
    func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test func parsesEveryKindOfValue() throws {
        let value = try parse(#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d\n\u00e9\ud83d\ude00"}} "#)
        #expect(value == .object([
            ("a", .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null])),
            ("b", .object([("c", .string("d\né😀"))])),
        ]))
    }

    @Test func keepsNumberText() throws {
        #expect(try parse("8080.0") == .number("8080.0"))
        #expect(try parse("1e400") == .number("1e400"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "1e", "\"abc", "\"a\u{01}b\"", "\"\\x\"",
        "\"\\ud800\"", "\"\\udc00\"", "tru", "nul", "{\"a\" 1}", "{1:2}", "[1 2]", "1 2", "'a'",
    ])
    func rejectsInvalidSyntax(_ text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try parse(text) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test func capsNestingDepth() throws {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONParser.SyntaxError.self) { try parse(deep) }
        let fine = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        _ = try parse(fine)
    }

    @Test func reportsWhereSyntaxBroke() {
        #expect { try parse(#"{"a": tru}"#) } throws: { ($0 as? JSONParser.SyntaxError)?.offset == 6 }
    }
}
