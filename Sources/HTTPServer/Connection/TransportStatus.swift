/// Outcome of one non-blocking transport call.
enum TransportStatus: Equatable {
    /// `count` bytes moved (or the handshake finished, with 0).
    case done(count: Int)
    /// Retry when the socket is readable.
    case wantRead
    /// Retry when the socket is writable.
    case wantWrite
    /// Orderly end of the peer's data.
    case endOfStream
    case failed
}
