/// Where a connection is in its life; decides what input means and which deadline applies.
enum ConnectionPhase: Equatable {
    /// TLS handshake running (deadline: header-read).
    case handshake
    /// Between requests, nothing of the next one received (deadline: header-read for the first
    /// request, keep-alive idle afterwards).
    case idle
    /// Part of a head received (deadline: header-read, counted from its first byte).
    case readingHead
    /// Head done, body arriving (deadline: body-idle, renewed by every byte).
    case readingBody
    /// Handler running or its response being written (deadline: write-idle while blocked).
    case responding
    /// A streamed body is being produced.
    case streaming
    /// Write side shut, draining input before the close (deadline: linger).
    case lingering
    case closed
}
