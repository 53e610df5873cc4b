import HTTPServer
import Testing

/// Valid requests produce the same head, body and end at every split.
@Suite struct ParserAcceptanceTests {
    typealias Outcome = ParserHarness.Outcome

    func parse(_ input: String, limits: HTTPParserLimits = HTTPParserLimits()) -> [Outcome] {
        let (outcomes, mismatches) = ParserHarness.outcomesAtEverySplit(input, limits: limits)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
        return outcomes
    }

    func head(_ method: String, _ target: String, minor: Int = 1, _ fields: [(String, String)], framing: BodyFraming = .none,
              keepAlive: Bool = true, expectsContinue: Bool = false, host: String? = "x") -> Outcome {
        .head(ParsedRequestHead(method: method, target: target, minorVersion: minor, fields: fields.map { ParsedField(name: $0.0, value: $0.1) },
                                framing: framing, keepAlive: keepAlive, expectsContinue: expectsContinue, host: host))
    }

    @Test func simpleGet() {
        #expect(parse("GET /v1/eips?limit=2 HTTP/1.1\r\nHost: x\r\nAccept:  */* \r\n\r\n") == [
            head("GET", "/v1/eips?limit=2", [("Host", "x"), ("Accept", "*/*")]), .end([]),
        ])
    }

    @Test func http10DefaultsToClose() {
        #expect(parse("GET / HTTP/1.0\r\n\r\n") == [head("GET", "/", minor: 0, [], keepAlive: false, host: nil), .end([])])
        #expect(parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") == [
            head("GET", "/", minor: 0, [("Connection", "Keep-Alive")], keepAlive: true, host: nil), .end([]),
        ])
    }

    @Test func connectionClose() {
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, close\r\n\r\n") == [
            head("GET", "/", [("Host", "x"), ("Connection", "keep-alive, close")], keepAlive: false), .end([]),
        ])
    }

    @Test func contentLengthBody() {
        #expect(parse("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello") == [
            head("POST", "/a", [("Host", "x"), ("Content-Length", "5")], framing: .contentLength(5)), .body(Array("hello".utf8)), .end([]),
        ])
    }

    @Test func identicalContentLengthsAreOne() {
        #expect(parse("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2, 2\r\nContent-Length: 02\r\n\r\nhi") == [
            head("POST", "/a", [("Host", "x"), ("Content-Length", "2, 2"), ("Content-Length", "02")], framing: .contentLength(2)),
            .body(Array("hi".utf8)), .end([]),
        ])
    }

    @Test func chunkedBodyWithExtensionsAndTrailers() {
        let input = "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n5;name=value\r\nhello\r\nA \r\n, world!!!\r\n0\r\nChecksum: abc\r\n\r\n"
        #expect(parse(input) == [
            head("POST", "/a", [("Host", "x"), ("Transfer-Encoding", "Chunked")], framing: .chunked),
            .body(Array("hello, world!!!".utf8)), .end([ParsedField(name: "Checksum", value: "abc")]),
        ])
    }

    @Test func pipelinedRequests() {
        let input = "GET /1 HTTP/1.1\r\nHost: x\r\n\r\nPOST /2 HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nzGET /3 HTTP/1.1\r\nHost: x\r\n\r\n"
        #expect(parse(input) == [
            head("GET", "/1", [("Host", "x")]), .end([]),
            head("POST", "/2", [("Host", "x"), ("Content-Length", "1")], framing: .contentLength(1)), .body([UInt8(ascii: "z")]), .end([]),
            head("GET", "/3", [("Host", "x")]), .end([]),
        ])
    }

    @Test func leadingEmptyLinesAreSkipped() {
        #expect(parse("\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n") == [head("GET", "/", [("Host", "x")]), .end([])])
    }

    @Test func absoluteAndAsteriskForms() {
        #expect(parse("GET http://x/a?b HTTP/1.1\r\nHost: x\r\n\r\n") == [head("GET", "http://x/a?b", [("Host", "x")]), .end([])])
        #expect(parse("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n") == [head("OPTIONS", "*", [("Host", "x")]), .end([])])
    }

    @Test func laterMinorVersionIsHTTP11() {
        #expect(parse("GET / HTTP/1.7\r\nHost: x\r\n\r\n") == [head("GET", "/", [("Host", "x")]), .end([])])
    }

    @Test func expectContinue() {
        #expect(parse("PUT / HTTP/1.1\r\nHost: x\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\nz") == [
            head("PUT", "/", [("Host", "x"), ("Expect", "100-Continue"), ("Content-Length", "1")], framing: .contentLength(1), expectsContinue: true),
            .body([UInt8(ascii: "z")]), .end([]),
        ])
        // Ignored on HTTP/1.0 (RFC 9110 §10.1.1).
        #expect(parse("PUT / HTTP/1.0\r\nExpect: 100-continue\r\n\r\n") == [
            head("PUT", "/", minor: 0, [("Expect", "100-continue")], keepAlive: false, host: nil), .end([]),
        ])
    }

    @Test func obsTextAndEmptyValues() {
        let input = "GET / HTTP/1.1\r\nHost: x\r\nA: caf\u{e9}\r\nB:\r\n\r\n"
        let outcomes = parse(input)
        #expect(ParserHarness.head(outcomes)?.fields.count == 3)
        #expect(ParserHarness.head(outcomes)?.fields.last == ParsedField(name: "B", value: ""))
    }

    @Test func limitsAreInclusive() {
        // A request line of exactly the limit (with CRLF) is accepted.
        let line = "GET /\(String(repeating: "a", count: 64 - 16)) HTTP/1.1\r\n"
        #expect(line.utf8.count == 64)
        let limits = HTTPParserLimits(maxRequestLineBytes: 64)
        #expect(ParserHarness.error(parse(line + "Host: x\r\n\r\n", limits: limits)) == nil)
    }

    @Test func incompleteInputWaits() {
        #expect(parse("GET / HTTP/1.1\r\nHost: x\r\n") == [.incomplete])
        #expect(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nab").last == .incomplete)
    }

    @Test func largeHeaderCostsLinearTime() {
        // 16 KiB of header fed one byte at a time would be quadratic with a naive rescan; here
        // it just has to finish (the assertion is on the result, not the time).
        let field = "X: " + String(repeating: "v", count: 16 * 1024 - 40) + "\r\n"
        let input = Array(("GET / HTTP/1.1\r\nHost: x\r\n" + field + "\r\n").utf8)
        let outcomes = ParserHarness.run(input.indices.map { input[$0...$0] })
        #expect(ParserHarness.error(outcomes) == nil)
        #expect(outcomes.count == 2)
    }
}
