// libFuzzer entry point for the HTTP/1.1 request parser (Sources/HTTPServer/Parser), compiled
// together with those files by scripts/checks/20-fuzz-http-parser.
//
// The input is parsed twice: whole, and split at a position taken from its first byte. Both
// must give the same events (the parser is incremental), every event must respect the limits,
// and parsing must never trap.

private let limits = HTTPParserLimits(maxRequestLineBytes: 256, maxHeaderBytes: 512, maxHeaderFields: 16, maxBodyBytes: 1024, maxChunkLineBytes: 64)

private func events(_ pieces: [ArraySlice<UInt8>]) -> [HTTPParserEvent] {
    var parser = HTTPParser(limits: limits)
    var result: [HTTPParserEvent] = []
    var body: [UInt8] = []
    for piece in pieces {
        parser.append(contentsOf: piece)
        loop: while true {
            let event = parser.next()
            switch event {
            case .needMore:
                break loop
            case .body(let bytes):
                body += bytes
            case .head(let head):
                precondition(head.fields.count <= limits.maxHeaderFields, "too many fields accepted")
                precondition(head.target.utf8.count < limits.maxRequestLineBytes, "request line over the limit")
                if case .contentLength(let length) = head.framing { precondition(length >= 0) }
                result.append(event)
            case .end:
                precondition(body.count <= limits.maxBodyBytes, "body over the limit")
                result.append(.body(body))
                body = []
                result.append(event)
            case .error:
                result.append(event)
                return result
            }
        }
    }
    return result
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard !bytes.isEmpty else { return 0 }
    let split = Int(bytes[0]) % (bytes.count + 1)
    let whole = events([bytes[...]])
    let halves = events([bytes[..<split], bytes[split...]])
    precondition(whole == halves, "split at \(split) changed the events")
    return 0
}
