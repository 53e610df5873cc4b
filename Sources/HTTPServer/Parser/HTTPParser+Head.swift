extension HTTPParser {
    /// Leading empty lines before a request line that are skipped (RFC 9112 §2.2) before giving up.
    static let maxLeadingEmptyLines = 8

    mutating func parseRequestLine() -> HTTPParserEvent? {
        let line: Range<Int>
        switch nextLine(limit: limits.maxRequestLineBytes) {
        case .needMore: return .needMore
        case .tooLong: return fail(.requestLineTooLong)
        case .bareLineFeed: return fail(.bareLineFeed)
        case .line(let range): line = range
        }
        if line.isEmpty {
            head.emptyLines += 1
            return head.emptyLines > Self.maxLeadingEmptyLines ? fail(.tooManyEmptyLines) : nil
        }
        if containsCR(line) { return fail(.bareCarriageReturn) }
        guard let firstSpace = buffer[line].firstIndex(of: ASCII.space),
              let secondSpace = buffer[(firstSpace + 1)..<line.upperBound].firstIndex(of: ASCII.space)
        else { return fail(.invalidRequestLine) }
        let method = line.lowerBound..<firstSpace
        let target = (firstSpace + 1)..<secondSpace
        let version = (secondSpace + 1)..<line.upperBound
        guard !method.isEmpty, buffer[method].allSatisfy(ASCII.isTChar) else { return fail(.invalidMethod) }
        guard !target.isEmpty else { return fail(.invalidRequestLine) }
        switch parseVersion(version) {
        case .failure(let error): return fail(error)
        case .success(let minor): head.minorVersion = minor
        }
        guard buffer[target].allSatisfy(ASCII.isTargetByte) else { return fail(.invalidRequestTarget) }
        head.method = string(method)
        head.target = string(target)
        guard isAcceptableTarget(head.target, method: head.method) else { return fail(.invalidRequestTarget) }
        state = .headers
        sectionBytes = 0
        return nil
    }

    /// `HTTP/1.x` → x clamped to 0 or 1; another major version → 505; anything else → 400.
    func parseVersion(_ range: Range<Int>) -> Result<Int, HTTPParseError> {
        let bytes = buffer[range]
        guard bytes.count == 8, bytes.starts(with: "HTTP/".utf8) else { return .failure(.invalidVersion) }
        let major = bytes[range.lowerBound + 5]
        let dot = bytes[range.lowerBound + 6]
        let minor = bytes[range.lowerBound + 7]
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard digits.contains(major), dot == UInt8(ascii: "."), digits.contains(minor) else {
            return .failure(.invalidVersion)
        }
        guard major == UInt8(ascii: "1") else { return .failure(.unsupportedVersion) }
        return .success(minor == UInt8(ascii: "0") ? 0 : 1)
    }

    /// origin-form, absolute-form (http/https) or `*` for OPTIONS (RFC 9112 §3.2).
    func isAcceptableTarget(_ target: String, method: String) -> Bool {
        if target.utf8.first == UInt8(ascii: "/") { return true }
        if target == "*" { return method == "OPTIONS" }
        let lower = target.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    mutating func parseHeaderLine() -> HTTPParserEvent? {
        switch nextSectionLine(fieldCount: head.fields.count) {
        case .stop(let event):
            return event
        case .end:
            return finishHead()
        case .field(let name, let value):
            classify(name: name, value: value)
            head.fields.append(ParsedField(name: string(name), value: string(value)))
            return nil
        }
    }

    /// Records what framing-relevant fields say; conflicts are judged in `finishHead`.
    mutating func classify(name: Range<Int>, value: Range<Int>) {
        let nameBytes = buffer[name]
        if ASCII.equalsLowercase(nameBytes, "host") {
            head.hostCount += 1
            head.host = string(value)
            if !buffer[value].allSatisfy(Self.isHostByte) { head.hostInvalid = true }
        } else if ASCII.equalsLowercase(nameBytes, "content-length") {
            let elements = listElements(value)
            if elements.isEmpty { head.contentLengthInvalid = true }
            for element in elements {
                guard let length = decimal(element), head.contentLength == nil || head.contentLength == length else {
                    head.contentLengthInvalid = true
                    continue
                }
                head.contentLength = length
            }
        } else if ASCII.equalsLowercase(nameBytes, "transfer-encoding") {
            head.hasTransferEncoding = true
            head.transferCodings += listElements(value).map { string($0).lowercased() }
        } else if ASCII.equalsLowercase(nameBytes, "connection") {
            for element in listElements(value) {
                if ASCII.equalsLowercase(buffer[element], "close") { head.connectionClose = true }
                if ASCII.equalsLowercase(buffer[element], "keep-alive") { head.connectionKeepAlive = true }
            }
        } else if ASCII.equalsLowercase(nameBytes, "expect") {
            if ASCII.equalsLowercase(buffer[value], "100-continue") {
                head.expectsContinue = true
            } else {
                head.unsupportedExpectation = true
            }
        }
    }

    /// 1*DIGIT with at most 18 digits (fits an Int without overflow checks).
    func decimal(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var value = 0
        for byte in buffer[range] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// uri-host [":" port]: unreserved, sub-delims, ":", "%", "[" and "]" (RFC 3986 §3.2.2).
    static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "-._~!$&'()*+,;=:%[]".utf8.contains(byte)
        }
    }

    /// Applies the Host, framing, connection and expectation rules once the header section ended.
    mutating func finishHead() -> HTTPParserEvent {
        let http11 = head.minorVersion == 1
        if http11 && head.hostCount == 0 { return fail(.missingHost) }
        if head.hostCount > 1 { return fail(.multipleHost) }
        if head.hostInvalid { return fail(.invalidHost) }
        let framing: BodyFraming
        if head.hasTransferEncoding {
            if !http11 { return fail(.transferEncodingInHTTP10) }
            if head.contentLength != nil || head.contentLengthInvalid { return fail(.contentLengthWithTransferEncoding) }
            guard head.transferCodings.last == "chunked",
                  head.transferCodings.filter({ $0 == "chunked" }).count == 1
            else { return fail(.chunkedNotFinal) }
            guard head.transferCodings.count == 1 else { return fail(.unsupportedTransferCoding) }
            framing = .chunked
        } else if head.contentLengthInvalid {
            return fail(.invalidContentLength)
        } else if let length = head.contentLength {
            framing = .contentLength(length)
        } else {
            framing = .none
        }
        if http11 && head.unsupportedExpectation { return fail(.unsupportedExpectation) }
        let keepAlive = http11 ? !head.connectionClose : (head.connectionKeepAlive && !head.connectionClose)
        let parsed = ParsedRequestHead(
            method: head.method, target: head.target, minorVersion: head.minorVersion, fields: head.fields,
            framing: framing, keepAlive: keepAlive, expectsContinue: http11 && head.expectsContinue, host: head.host
        )
        head = HeadAccumulator()
        bodyLimit = limits.maxBodyBytes
        bodyReceived = 0
        headFraming = framing
        state = .bodyStart
        return .head(parsed)
    }
}
