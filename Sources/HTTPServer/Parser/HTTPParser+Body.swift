extension HTTPParser {
    /// Chunk sizes are capped at 15 hex digits so the value can never overflow an Int.
    static let maxChunkSizeDigits = 15

    mutating func startBody() -> HTTPParserEvent? {
        switch headFraming {
        case .none:
            return finishMessage(trailers: [])
        case .contentLength(let length):
            if length > bodyLimit { return fail(.contentTooLarge) }
            if length == 0 { return finishMessage(trailers: []) }
            state = .fixedBody(remaining: length)
        case .chunked:
            state = .chunkSize
        }
        return nil
    }

    mutating func readFixedBody(remaining: Int) -> HTTPParserEvent {
        let take = Swift.min(remaining, buffer.count - readIndex)
        guard take > 0 else { return .needMore }
        let bytes = Array(buffer[readIndex..<(readIndex + take)])
        readIndex += take
        scanIndex = readIndex
        state = remaining == take ? .bodyStart : .fixedBody(remaining: remaining - take)
        if remaining == take { headFraming = .none }
        return .body(bytes)
    }

    mutating func parseChunkSizeLine() -> HTTPParserEvent? {
        let line: Range<Int>
        switch nextLine(limit: limits.maxChunkLineBytes) {
        case .needMore: return .needMore
        case .tooLong: return fail(.chunkLineTooLong)
        case .bareLineFeed: return fail(.bareLineFeed)
        case .line(let range): line = range
        }
        if containsCR(line) { return fail(.bareCarriageReturn) }
        var index = line.lowerBound
        var size = 0
        while index < line.upperBound, let digit = ASCII.hexValue(buffer[index]) {
            size = size << 4 | digit
            index += 1
        }
        let digits = index - line.lowerBound
        guard digits > 0, digits <= Self.maxChunkSizeDigits else { return fail(.invalidChunkSize) }
        while index < line.upperBound, ASCII.isWhitespace(buffer[index]) { index += 1 }
        if index < line.upperBound {
            guard buffer[index] == ASCII.semicolon,
                  buffer[index..<line.upperBound].allSatisfy(ASCII.isFieldValueByte)
            else { return fail(.invalidChunkExtension) }
        }
        if size == 0 {
            state = .trailers
            sectionBytes = 0
            trailers = []
            return nil
        }
        guard size <= bodyLimit - bodyReceived else { return fail(.contentTooLarge) }
        bodyReceived += size
        state = .chunkData(remaining: size)
        return nil
    }

    mutating func readChunkData(remaining: Int) -> HTTPParserEvent {
        let take = Swift.min(remaining, buffer.count - readIndex)
        guard take > 0 else { return .needMore }
        let bytes = Array(buffer[readIndex..<(readIndex + take)])
        readIndex += take
        scanIndex = readIndex
        state = remaining == take ? .chunkDataEnd : .chunkData(remaining: remaining - take)
        return .body(bytes)
    }

    mutating func parseChunkDataEnd() -> HTTPParserEvent? {
        guard buffer.count - readIndex >= 2 else {
            if buffer.count > readIndex && buffer[readIndex] != ASCII.cr { return fail(.missingChunkTerminator) }
            return .needMore
        }
        guard buffer[readIndex] == ASCII.cr, buffer[readIndex + 1] == ASCII.lf else {
            return fail(.missingChunkTerminator)
        }
        readIndex += 2
        scanIndex = readIndex
        state = .chunkSize
        return nil
    }

    mutating func parseTrailerLine() -> HTTPParserEvent? {
        switch nextSectionLine(fieldCount: trailers.count) {
        case .stop(let event):
            return event
        case .end:
            return finishMessage(trailers: trailers)
        case .field(let name, let value):
            trailers.append(ParsedField(name: string(name), value: string(value)))
            return nil
        }
    }
}
