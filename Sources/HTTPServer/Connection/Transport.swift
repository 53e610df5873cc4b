/// Byte transport under a connection: the socket itself or OpenSSL over it. Used only on the
/// connection's loop thread; every call is non-blocking.
protocol Transport: AnyObject {
    func handshake() -> TransportStatus
    func read(into buffer: UnsafeMutableRawBufferPointer) -> TransportStatus
    func write(_ bytes: UnsafeRawBufferPointer) -> TransportStatus
    /// Plaintext already decrypted and held by the transport (the socket will not signal it).
    var hasBufferedInput: Bool { get }
    /// Ends our direction (TLS close_notify, then TCP FIN) for a lingering close.
    func shutdownWrite()
    /// Frees transport state; the fd itself is closed by the connection's last cancel handler.
    func release()
}
