extension HTTPParser {
    enum LineResult {
        case line(Range<Int>)
        case needMore
        case tooLong
        case bareLineFeed
    }

    /// The next CRLF-terminated line (without CRLF) if it fits in `limit` bytes including CRLF.
    mutating func nextLine(limit: Int) -> LineResult {
        let from = Swift.max(scanIndex, readIndex)
        if let lf = buffer[from...].firstIndex(of: ASCII.lf) {
            guard lf + 1 - readIndex <= limit else { return .tooLong }
            guard lf > readIndex, buffer[lf - 1] == ASCII.cr else { return .bareLineFeed }
            let line = readIndex..<(lf - 1)
            readIndex = lf + 1
            scanIndex = readIndex
            return .line(line)
        }
        scanIndex = buffer.count
        return buffer.count - readIndex >= limit ? .tooLong : .needMore
    }

    /// One line of a field section (headers, or trailers after a chunked body).
    enum SectionLine {
        case field(name: Range<Int>, value: Range<Int>)
        /// The empty line that ends the section.
        case end
        /// The event to return instead: more input needed, or a failure.
        case stop(HTTPParserEvent)
    }

    /// Reads the next field line within the section's byte budget and field count, so headers
    /// and trailers obey the same limits.
    mutating func nextSectionLine(fieldCount: Int) -> SectionLine {
        let line: Range<Int>
        switch nextLine(limit: limits.maxHeaderBytes - sectionBytes) {
        case .needMore: return .stop(.needMore)
        case .tooLong: return .stop(fail(.headerFieldsTooLarge))
        case .bareLineFeed: return .stop(fail(.bareLineFeed))
        case .line(let range): line = range
        }
        sectionBytes += line.count + 2
        if line.isEmpty { return .end }
        guard fieldCount < limits.maxHeaderFields else { return .stop(fail(.tooManyHeaderFields)) }
        switch fieldLine(line) {
        case .failure(let error): return .stop(fail(error))
        case .success(let (name, value)): return .field(name: name, value: value)
        }
    }

    func containsCR(_ range: Range<Int>) -> Bool {
        buffer[range].contains(ASCII.cr)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: buffer[range], as: UTF8.self)
    }

    /// `range` without leading and trailing SP/HTAB.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, ASCII.isWhitespace(buffer[lower]) { lower += 1 }
        while upper > lower, ASCII.isWhitespace(buffer[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// Splits a comma-separated list into trimmed, non-empty elements.
    func listElements(_ range: Range<Int>) -> [Range<Int>] {
        var elements: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where buffer[index] == ASCII.comma {
            let element = trimmed(start..<index)
            if !element.isEmpty { elements.append(element) }
            start = index + 1
        }
        let last = trimmed(start..<range.upperBound)
        if !last.isEmpty { elements.append(last) }
        return elements
    }

    /// Parses one field line shared by headers and trailers: returns the name and value ranges.
    func fieldLine(_ line: Range<Int>) -> Result<(name: Range<Int>, value: Range<Int>), HTTPParseError> {
        if ASCII.isWhitespace(buffer[line.lowerBound]) { return .failure(.obsoleteLineFolding) }
        if containsCR(line) { return .failure(.bareCarriageReturn) }
        guard let colon = buffer[line].firstIndex(of: ASCII.colon), colon > line.lowerBound else {
            return .failure(.invalidFieldName)
        }
        let name = line.lowerBound..<colon
        if ASCII.isWhitespace(buffer[colon - 1]) { return .failure(.whitespaceBeforeColon) }
        guard buffer[name].allSatisfy(ASCII.isTChar) else { return .failure(.invalidFieldName) }
        let value = trimmed((colon + 1)..<line.upperBound)
        guard buffer[value].allSatisfy(ASCII.isFieldValueByte) else { return .failure(.invalidFieldValue) }
        return .success((name, value))
    }
}
