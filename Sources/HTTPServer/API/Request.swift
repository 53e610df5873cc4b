import HTTPTypes

/// A complete HTTP request as a handler sees it: head, decoded target parts and the whole body
/// (bounded by the route's body limit).
public struct Request: Sendable {
    public var method: HTTPRequest.Method
    /// The request target as sent (`/v1/eips/abc?limit=10`).
    public var target: String
    /// The path part of the target, still percent-encoded.
    public var path: String
    /// The raw query string after `?`, if any.
    public var query: String?
    public var headerFields: HTTPFields
    public var body: [UInt8]
    public var pathParameters: PathParameters
    public var version: HTTPVersion
    /// Trailer fields of a chunked request body.
    public var trailerFields: HTTPFields

    public init(
        method: HTTPRequest.Method, target: String, headerFields: HTTPFields = [:], body: [UInt8] = [],
        pathParameters: PathParameters = PathParameters(), version: HTTPVersion = .http1_1,
        trailerFields: HTTPFields = [:]
    ) {
        self.method = method
        self.target = target
        let parts = RequestTarget(target)
        self.path = parts.path
        self.query = parts.query
        self.headerFields = headerFields
        self.body = body
        self.pathParameters = pathParameters
        self.version = version
        self.trailerFields = trailerFields
    }

    /// The value of a header (several lines joined with ", " as HTTPFields does).
    public func header(_ name: HTTPField.Name) -> String? { headerFields[name] }

    /// The body as UTF-8 text (invalid sequences are repaired).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The request as a swift-http-types value (scheme/authority taken from the target or Host).
    public var httpRequest: HTTPRequest {
        HTTPRequest(method: method, scheme: nil, authority: headerFields[.hostField], path: target, headerFields: headerFields)
    }
}
