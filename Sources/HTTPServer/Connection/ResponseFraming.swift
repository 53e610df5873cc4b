/// How the end of a response body is signalled on the wire.
enum ResponseFraming: Equatable {
    /// No body allowed (1xx, 204, 304): no Content-Length either.
    case noBody
    case contentLength(Int)
    case chunked
    /// HTTP/1.0 stream: the body ends when the connection closes.
    case untilClose
}
