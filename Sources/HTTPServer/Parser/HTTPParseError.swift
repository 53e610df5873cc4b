/// Why a request could not be read. Each case maps to the status the server answers with; the
/// connection is always closed afterwards because the framing of what follows is unknown.
public enum HTTPParseError: Error, Sendable, Equatable {
    case requestLineTooLong
    case headerFieldsTooLarge
    case tooManyHeaderFields
    case contentTooLarge
    case invalidRequestLine
    case invalidMethod
    case invalidRequestTarget
    case invalidVersion
    case unsupportedVersion
    /// A line ended with LF alone (we require CRLF; RFC 9112 §2.2 makes bare LF optional).
    case bareLineFeed
    /// A CR not followed by LF (RFC 9112 §2.2).
    case bareCarriageReturn
    /// A field line starting with whitespace (RFC 9112 §5.2).
    case obsoleteLineFolding
    /// Whitespace between a field name and the colon (RFC 9112 §5.1).
    case whitespaceBeforeColon
    case invalidFieldName
    case invalidFieldValue
    case missingHost
    case multipleHost
    case invalidHost
    case contentLengthWithTransferEncoding
    /// Not digits, or several values that differ (RFC 9112 §6.3 #5).
    case invalidContentLength
    case transferEncodingInHTTP10
    /// The final transfer coding is not `chunked`, or `chunked` appears twice (RFC 9112 §6.3 #4).
    case chunkedNotFinal
    /// A transfer coding other than `chunked` (RFC 9112 §6.1).
    case unsupportedTransferCoding
    case invalidChunkSize
    case invalidChunkExtension
    case chunkLineTooLong
    case missingChunkTerminator
    case unsupportedExpectation
    case tooManyEmptyLines

    /// The status code sent for this error.
    public var status: Int {
        switch self {
        case .requestLineTooLong: 414
        case .headerFieldsTooLarge, .tooManyHeaderFields: 431
        case .contentTooLarge: 413
        case .unsupportedVersion: 505
        case .unsupportedTransferCoding: 501
        case .unsupportedExpectation: 417
        default: 400
        }
    }
}
