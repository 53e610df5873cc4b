import Testing
import OVSDB

@Suite struct JSONStreamSplitterTests {
    static let messages: [String] = [
        #"{"id":1,"result":["OVN_Northbound","_Server"],"error":null}"#,
        #"{"method":"update3","params":["data","6b1a…",{"NAT":{"u":{"insert":{"external_ip":"1.2.3.4","options":["map",[["a}","{b\"]"]]]}}}}],"id":null}"#,
        #"[1,{"x":"\\"},[]]"#,
        #"{"id":"echo","method":"echo","params":[]}"#,
        #"{"s":"ünïcødé ✓ \u00e9 \ud83d\ude00"}"#,
    ]

    @Test func splitsAtEveryByteBoundary() throws {
        let stream = Array(Self.messages.joined(separator: "\n ").utf8)
        let expected = Self.messages.map { Array($0.utf8) }
        for cut in 0...stream.count {
            var splitter = JSONStreamSplitter()
            var out = try splitter.push(Array(stream[0..<cut])).map(Array.init)
            out += try splitter.push(Array(stream[cut...])).map(Array.init)
            #expect(out == expected, "cut at \(cut)")
            #expect(splitter.pendingByteCount == 0)
        }
    }

    @Test func splitsByteByByte() throws {
        let stream = Array(Self.messages.joined().utf8)
        var splitter = JSONStreamSplitter()
        var out: [[UInt8]] = []
        for byte in stream { out += try splitter.push([byte]).map(Array.init) }
        #expect(out == Self.messages.map { Array($0.utf8) })
        for message in out { _ = try JSONParser.parse(message) }
    }

    @Test func rejectsGarbageBetweenValues() {
        var splitter = JSONStreamSplitter()
        #expect(throws: JSONStreamSplitter.SplitError.unexpectedByte(UInt8(ascii: "x"))) {
            _ = try splitter.push(Array(#"{"a":1}x"#.utf8))
        }
    }
}
