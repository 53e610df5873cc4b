/// A connected, non-blocking byte stream: a plain socket or TLS over one. Used only by the
/// session's I/O thread, never concurrently.
protocol ByteStream: AnyObject {
    var fd: Int32 { get }
    func read(into buffer: UnsafeMutableRawBufferPointer) -> StreamIO
    func write(_ buffer: UnsafeRawBufferPointer) -> StreamIO
    func close()
}
