/// Failures of the server's own operations (not of a request: those become responses).
public enum HTTPServerError: Error, Sendable, Equatable {
    /// The host could not be resolved to an address to bind.
    case invalidAddress(host: String, port: Int)
    /// A socket call failed; `errno` tells why (EADDRINUSE, EACCES …).
    case socket(operation: String, errno: Int32)
    /// The certificate or key could not be loaded; `reason` is OpenSSL's message.
    case tls(file: String, reason: String)
    case alreadyStarted
    /// The client went away (or the server closed the connection) while a body was streamed.
    case connectionClosed
}
