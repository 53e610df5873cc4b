import HTTPServer
import Testing

/// Every framing and syntax rule: the input is rejected with the right error (and status) no
/// matter how it is split.
@Suite struct ParserRejectionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let input: String
        let error: HTTPParseError
        let status: Int
        var limits = HTTPParserLimits()
        var bodyLimit: Int?
        var testDescription: String { name }
    }

    static let small = HTTPParserLimits(maxRequestLineBytes: 64, maxHeaderBytes: 128, maxHeaderFields: 4, maxBodyBytes: 16, maxChunkLineBytes: 16)

    static let cases: [Case] = [
        Case(name: "request line too long", input: "GET /\(String(repeating: "a", count: 80)) HTTP/1.1\r\nHost: x\r\n\r\n",
             error: .requestLineTooLong, status: 414, limits: small),
        Case(name: "request line too long without LF", input: "GET /\(String(repeating: "a", count: 80))",
             error: .requestLineTooLong, status: 414, limits: small),
        Case(name: "header section too large", input: "GET / HTTP/1.1\r\nHost: x\r\nA: \(String(repeating: "v", count: 130))\r\n\r\n",
             error: .headerFieldsTooLarge, status: 431, limits: small),
        Case(name: "too many fields", input: "GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n",
             error: .tooManyHeaderFields, status: 431, limits: small),
        Case(name: "content length over limit", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\n\r\n",
             error: .contentTooLarge, status: 413, limits: small),
        Case(name: "content length over route limit", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\nabcdef",
             error: .contentTooLarge, status: 413, bodyLimit: 5),
        Case(name: "chunked body over limit", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n9\r\n123456789\r\n0\r\n\r\n",
             error: .contentTooLarge, status: 413, limits: small),
        Case(name: "content-length with transfer-encoding", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
             error: .contentLengthWithTransferEncoding, status: 400),
        Case(name: "differing content lengths", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n",
             error: .invalidContentLength, status: 400),
        Case(name: "differing content length list", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 4\r\n\r\n",
             error: .invalidContentLength, status: 400),
        Case(name: "negative content length", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
             error: .invalidContentLength, status: 400),
        Case(name: "signed content length", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +1\r\n\r\n",
             error: .invalidContentLength, status: 400),
        Case(name: "huge content length", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n",
             error: .invalidContentLength, status: 400),
        Case(name: "empty content length", input: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: \r\n\r\n",
             error: .invalidContentLength, status: 400),
        Case(name: "transfer coding not final chunked", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
             error: .chunkedNotFinal, status: 400),
        Case(name: "only unknown transfer coding", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
             error: .chunkedNotFinal, status: 400),
        Case(name: "chunked twice", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
             error: .chunkedNotFinal, status: 400),
        Case(name: "unsupported transfer coding before chunked", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
             error: .unsupportedTransferCoding, status: 501),
        Case(name: "transfer-encoding on HTTP/1.0", input: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n",
             error: .transferEncodingInHTTP10, status: 400),
        Case(name: "missing host", input: "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", error: .missingHost, status: 400),
        Case(name: "duplicate host", input: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", error: .multipleHost, status: 400),
        Case(name: "invalid host", input: "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", error: .invalidHost, status: 400),
        Case(name: "whitespace before colon", input: "GET / HTTP/1.1\r\nHost : x\r\n\r\n", error: .whitespaceBeforeColon, status: 400),
        Case(name: "obs-fold", input: "GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\n 2\r\n\r\n", error: .obsoleteLineFolding, status: 400),
        Case(name: "bare CR in a field", input: "GET / HTTP/1.1\r\nHost: x\r\nA: 1\r2\r\n\r\n", error: .bareCarriageReturn, status: 400),
        Case(name: "bare CR in request line", input: "GET /\r HTTP/1.1\r\nHost: x\r\n\r\n", error: .bareCarriageReturn, status: 400),
        Case(name: "bare LF ends request line", input: "GET / HTTP/1.1\nHost: x\r\n\r\n", error: .bareLineFeed, status: 400),
        Case(name: "bare LF ends a field", input: "GET / HTTP/1.1\r\nHost: x\n\r\n", error: .bareLineFeed, status: 400),
        Case(name: "NUL in a value", input: "GET / HTTP/1.1\r\nHost: x\r\nA: 1\u{0}2\r\n\r\n", error: .invalidFieldValue, status: 400),
        Case(name: "empty field name", input: "GET / HTTP/1.1\r\nHost: x\r\n: 1\r\n\r\n", error: .invalidFieldName, status: 400),
        Case(name: "field without colon", input: "GET / HTTP/1.1\r\nHost: x\r\nnocolon\r\n\r\n", error: .invalidFieldName, status: 400),
        Case(name: "separator in field name", input: "GET / HTTP/1.1\r\nHost: x\r\nA(b): 1\r\n\r\n", error: .invalidFieldName, status: 400),
        Case(name: "HTTP/2.0", input: "GET / HTTP/2.0\r\nHost: x\r\n\r\n", error: .unsupportedVersion, status: 505),
        Case(name: "HTTP/0.9", input: "GET / HTTP/0.9\r\n\r\n", error: .unsupportedVersion, status: 505),
        Case(name: "lowercase version", input: "GET / http/1.1\r\nHost: x\r\n\r\n", error: .invalidVersion, status: 400),
        Case(name: "long version", input: "GET / HTTP/1.10\r\nHost: x\r\n\r\n", error: .invalidVersion, status: 400),
        Case(name: "space in target", input: "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n", error: .invalidVersion, status: 400),
        Case(name: "double space", input: "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", error: .invalidRequestLine, status: 400),
        Case(name: "missing version", input: "GET /\r\nHost: x\r\n\r\n", error: .invalidRequestLine, status: 400),
        Case(name: "invalid method", input: "G(T / HTTP/1.1\r\nHost: x\r\n\r\n", error: .invalidMethod, status: 400),
        Case(name: "relative target", input: "GET abc HTTP/1.1\r\nHost: x\r\n\r\n", error: .invalidRequestTarget, status: 400),
        Case(name: "asterisk for GET", input: "GET * HTTP/1.1\r\nHost: x\r\n\r\n", error: .invalidRequestTarget, status: 400),
        Case(name: "non-ASCII target", input: "GET /\u{e9} HTTP/1.1\r\nHost: x\r\n\r\n", error: .invalidRequestTarget, status: 400),
        Case(name: "unsupported expectation", input: "POST / HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 1\r\n\r\n",
             error: .unsupportedExpectation, status: 417),
        Case(name: "chunk line too long", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1;\(String(repeating: "e", count: 20))\r\nx\r\n0\r\n\r\n",
             error: .chunkLineTooLong, status: 400, limits: small),
        Case(name: "invalid chunk size", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
             error: .invalidChunkSize, status: 400),
        Case(name: "chunk size overflow", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\n",
             error: .invalidChunkSize, status: 400),
        Case(name: "junk after chunk size", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1 x\r\na\r\n0\r\n\r\n",
             error: .invalidChunkExtension, status: 400),
        Case(name: "chunk data without CRLF", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n0\r\n\r\n",
             error: .missingChunkTerminator, status: 400),
        Case(name: "trailers too large", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nT: \(String(repeating: "t", count: 130))\r\n\r\n",
             error: .headerFieldsTooLarge, status: 431, limits: small),
        Case(name: "obs-fold in trailers", input: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nT: 1\r\n 2\r\n\r\n",
             error: .obsoleteLineFolding, status: 400),
        Case(name: "too many empty lines", input: String(repeating: "\r\n", count: 9) + "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
             error: .tooManyEmptyLines, status: 400),
    ]

    @Test(arguments: cases)
    func rejects(_ testCase: Case) {
        let (outcomes, mismatches) = ParserHarness.outcomesAtEverySplit(testCase.input, limits: testCase.limits, bodyLimit: testCase.bodyLimit)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
        #expect(ParserHarness.error(outcomes) == testCase.error, "\(outcomes)")
        #expect(testCase.error.status == testCase.status)
    }

    @Test func staysFailedAfterAnError() {
        var parser = HTTPParser()
        parser.append(contentsOf: Array("GET / HTTP/3.0\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        #expect(parser.next() == .error(.unsupportedVersion))
        #expect(parser.next() == .error(.unsupportedVersion))
    }
}
