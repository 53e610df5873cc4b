import HTTPTypes

/// The request a connection is reading or answering.
struct PendingRequest {
    var head: ParsedRequestHead
    var method: HTTPRequest.Method
    var resolution: RouteResolution
    var body: [UInt8] = []
    /// Unrouted requests read and drop their body.
    var keepsBody: Bool
    var requestID: String
    var isHead: Bool { method == .head }
    var version: HTTPVersion { HTTPVersion(major: 1, minor: head.minorVersion) }
}
