/// The outcome of one non-blocking read or write.
enum StreamIO {
    case done(Int)
    /// Try again when the socket is readable / writable (TLS may need either for either).
    case wantRead
    case wantWrite
    case endOfStream
    case failed(String)
}
