/// A request line and header section that passed every syntax and framing rule.
public struct ParsedRequestHead: Sendable, Equatable {
    public var method: String
    /// The request target exactly as sent (origin-, absolute- or asterisk-form).
    public var target: String
    /// Minor version of HTTP/1.x: 0 or 1 (1.2+ is handled as 1.1).
    public var minorVersion: Int
    public var fields: [ParsedField]
    public var framing: BodyFraming
    /// Whether the connection may stay open after this exchange (RFC 9112 §9.3).
    public var keepAlive: Bool
    /// `Expect: 100-continue` on an HTTP/1.1 request.
    public var expectsContinue: Bool
    public var host: String?

    public init(
        method: String, target: String, minorVersion: Int, fields: [ParsedField], framing: BodyFraming,
        keepAlive: Bool, expectsContinue: Bool, host: String?
    ) {
        self.method = method
        self.target = target
        self.minorVersion = minorVersion
        self.fields = fields
        self.framing = framing
        self.keepAlive = keepAlive
        self.expectsContinue = expectsContinue
        self.host = host
    }
}
