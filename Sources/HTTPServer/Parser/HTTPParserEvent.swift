/// What `HTTPParser.next()` found in the bytes appended so far.
public enum HTTPParserEvent: Sendable, Equatable {
    /// A complete, validated head. Set `HTTPParser.bodyLimit` before calling `next()` again.
    case head(ParsedRequestHead)
    /// Some body bytes (already de-chunked).
    case body([UInt8])
    /// The request is complete; `trailers` holds chunked trailer fields, if any.
    case end(trailers: [ParsedField])
    /// More bytes are needed.
    case needMore
    /// The request is invalid; the parser stays failed.
    case error(HTTPParseError)
}
