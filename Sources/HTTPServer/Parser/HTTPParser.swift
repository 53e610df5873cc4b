/// Incremental HTTP/1.1 request parser (RFC 9112) over its own byte buffer.
///
/// Feed bytes with `append`, then call `next()` until it answers `.needMore`. Every byte is looked
/// at a bounded number of times (line search resumes where it stopped), so a request costs linear
/// time however it is split. Pure Swift without Foundation so the fuzzer can compile it alone.
public struct HTTPParser: Sendable {
    enum State: Sendable, Equatable {
        case requestLine
        case headers
        case bodyStart
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case failed(HTTPParseError)
    }

    public let limits: HTTPParserLimits
    /// Body cap for the request whose head was just returned; reset to `limits.maxBodyBytes` for
    /// every request. Set it (per route) before calling `next()` after a `.head`.
    public var bodyLimit: Int

    var state: State = .requestLine
    var buffer: [UInt8] = []
    /// Start of the bytes not consumed yet.
    var readIndex = 0
    /// Bytes before this index (and after `readIndex`) are known to hold no LF.
    var scanIndex = 0
    var head = HeadAccumulator()
    var trailers: [ParsedField] = []
    var sectionBytes = 0
    var bodyReceived = 0
    /// Framing of the message whose body is being read.
    var headFraming: BodyFraming = .none

    public init(limits: HTTPParserLimits = HTTPParserLimits()) {
        self.limits = limits
        self.bodyLimit = limits.maxBodyBytes
    }

    /// Bytes received but not parsed yet.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// True between requests with nothing buffered: the connection is idle.
    public var isIdle: Bool { state == .requestLine && readIndex == buffer.count && head.emptyLines == 0 }

    /// True once a head was returned and its body is still being read.
    public var isReadingBody: Bool {
        switch state {
        case .bodyStart, .fixedBody, .chunkSize, .chunkData, .chunkDataEnd, .trailers: true
        default: false
        }
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    public mutating func append<S: Sequence<UInt8>>(contentsOf bytes: S) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Parses as far as the buffered bytes allow and reports the next event.
    public mutating func next() -> HTTPParserEvent {
        while true {
            switch state {
            case .failed(let error):
                return .error(error)
            case .requestLine:
                if let event = parseRequestLine() { return event }
            case .headers:
                if let event = parseHeaderLine() { return event }
            case .bodyStart:
                if let event = startBody() { return event }
            case .fixedBody(let remaining):
                return readFixedBody(remaining: remaining)
            case .chunkSize:
                if let event = parseChunkSizeLine() { return event }
            case .chunkData(let remaining):
                return readChunkData(remaining: remaining)
            case .chunkDataEnd:
                if let event = parseChunkDataEnd() { return event }
            case .trailers:
                if let event = parseTrailerLine() { return event }
            }
        }
    }

    mutating func fail(_ error: HTTPParseError) -> HTTPParserEvent {
        state = .failed(error)
        return .error(error)
    }

    /// Drops consumed bytes when that is cheap relative to what remains.
    mutating func compact() {
        guard readIndex > 0 else { return }
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            scanIndex = 0
            readIndex = 0
        } else if readIndex >= 4096, readIndex * 2 >= buffer.count {
            buffer.removeSubrange(0..<readIndex)
            scanIndex = Swift.max(0, scanIndex - readIndex)
            readIndex = 0
        }
    }

    mutating func finishMessage(trailers: [ParsedField]) -> HTTPParserEvent {
        state = .requestLine
        head = HeadAccumulator()
        self.trailers = []
        sectionBytes = 0
        bodyReceived = 0
        bodyLimit = limits.maxBodyBytes
        return .end(trailers: trailers)
    }
}
