/// Hard limits the parser enforces while reading a request. Every limit answers with a definite
/// status (see `HTTPParseError.status`) instead of growing a buffer without bound.
public struct HTTPParserLimits: Sendable, Equatable {
    /// Request line including CRLF; longer → 414.
    public var maxRequestLineBytes: Int
    /// All header field lines (and, separately, all trailer lines) including CRLFs; more → 431.
    public var maxHeaderBytes: Int
    /// Number of header fields (and of trailer fields); more → 431.
    public var maxHeaderFields: Int
    /// Default request body cap (a route may override it); more → 413.
    public var maxBodyBytes: Int
    /// A chunk-size line with its extensions, including CRLF; longer → 400.
    public var maxChunkLineBytes: Int

    public init(
        maxRequestLineBytes: Int = 8 * 1024,
        maxHeaderBytes: Int = 16 * 1024,
        maxHeaderFields: Int = 100,
        maxBodyBytes: Int = 1024 * 1024,
        maxChunkLineBytes: Int = 1024
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderFields = maxHeaderFields
        self.maxBodyBytes = maxBodyBytes
        self.maxChunkLineBytes = maxChunkLineBytes
    }
}
