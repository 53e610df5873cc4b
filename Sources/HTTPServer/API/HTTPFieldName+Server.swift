import HTTPTypes

extension HTTPField.Name {
    /// `X-Request-ID`: taken from the request or generated, echoed on every response.
    public static let requestID = HTTPField.Name("X-Request-ID")!
    /// `Host` (swift-http-types hides it behind `authority`; HTTP/1.1 keeps it a header).
    public static let hostField = HTTPField.Name("Host")!
}
