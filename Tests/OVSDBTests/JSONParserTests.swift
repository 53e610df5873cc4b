import Foundation
import Testing
import OVSDB

@Suite struct JSONParserTests {
    @Test func parsesAllKinds() throws {
        let json = try JSONParser.parse(#" {"a":[1,-2,3.5,1e3,true,false,null],"b":"x\"y\\z\n\u00e9\ud83d\ude00","c":{}} "#)
        #expect(json["a"] == [1, -2, .double(3.5), .double(1000), true, false, nil])
        #expect(json["b"] == .string("x\"y\\z\né😀"))
        #expect(json["c"] == .object([:]))
    }

    @Test func roundTripsThroughWriter() throws {
        let value: JSON = ["s": "tab\t quote\" ctl\u{01} ✓", "n": [0, -7, .double(0.25), .double(2)], "o": ["k": nil]]
        let bytes = JSONWriter.encode(value)
        #expect(try JSONParser.parse(bytes) == value)
    }

    @Test func rejectsMalformed() {
        for text in ["{", "[1,]", "{\"a\" 1}", "tru", "\"abc", "01x", "[1] 2"] {
            #expect(throws: JSONParseError.self) { _ = try JSONParser.parse(text) }
        }
    }

    @Test func valuesFollowTheSchemaType() throws {
        let optional = ColumnType(key: BaseType(type: .string), min: 0, max: 1)
        #expect(Value(json: "tcp", type: optional) == .set(["tcp"]))
        #expect(Value(json: ["set", []], type: optional) == .emptySet)
        let real = ColumnType(key: BaseType(type: .real))
        #expect(Value(json: 3, type: real) == .atom(.real(3)))
        let u = UUID()
        #expect(Value(json: Value.uuid(u).json) == .uuid(u))
        #expect(Value.stringMap(["a": "b"]).json == ["map", [["a", "b"]]])
        #expect(UUID(ovsdb: u.uuidString.lowercased()) == u)
        #expect(u.ovsdbString == u.uuidString.lowercased())
    }
}
