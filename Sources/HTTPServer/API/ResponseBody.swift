/// The body of a response: bytes known up front (sent with Content-Length in the same write as
/// the head) or a producer that streams (chunked on HTTP/1.1, close-delimited on HTTP/1.0).
public enum ResponseBody: Sendable {
    case bytes([UInt8])
    /// The producer runs after the head is sent; the response ends when it returns. If it throws
    /// after writing started, the connection is closed so the client sees a truncated message.
    case stream(@Sendable (ResponseBodyWriter) async throws -> Void)

    public static let empty = ResponseBody.bytes([])
}
