import HTTPTypes

/// What a handler returns. The server adds `Date`, `X-Request-ID`, `Content-Length` or
/// `Transfer-Encoding` and `Connection`; framing fields set here are replaced.
public struct Response: Sendable {
    public var status: HTTPResponse.Status
    public var headerFields: HTTPFields
    public var body: ResponseBody

    public init(status: HTTPResponse.Status = .ok, headerFields: HTTPFields = [:], body: ResponseBody = .empty) {
        self.status = status
        self.headerFields = headerFields
        self.body = body
    }

    public init(status: HTTPResponse.Status = .ok, headerFields: HTTPFields = [:], bytes: [UInt8]) {
        self.init(status: status, headerFields: headerFields, body: .bytes(bytes))
    }

    /// A response whose body is written incrementally by `producer`.
    public static func stream(
        status: HTTPResponse.Status = .ok, headerFields: HTTPFields = [:],
        _ producer: @escaping @Sendable (ResponseBodyWriter) async throws -> Void
    ) -> Response {
        Response(status: status, headerFields: headerFields, body: .stream(producer))
    }

    /// The body bytes when they are known up front (nil for a stream).
    public var bodyBytes: [UInt8]? {
        if case .bytes(let bytes) = body { return bytes }
        return nil
    }
}
