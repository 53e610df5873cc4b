/// Lets a streaming response write its body piece by piece (Server-Sent Events, for instance).
///
/// `write` returns once the bytes are handed to the socket buffer (back-pressure) and throws
/// `HTTPServerError.connectionClosed` when the client went away. The producing task is also
/// cancelled when the client goes away or the server shuts down, so `for await` loops end.
public struct ResponseBodyWriter: Sendable {
    let sink: @Sendable ([UInt8]) async throws -> Void

    /// A writer over any sink; the server makes its own, tests can collect bytes with this.
    public init(_ sink: @escaping @Sendable ([UInt8]) async throws -> Void) {
        self.sink = sink
    }

    public func write(_ bytes: [UInt8]) async throws {
        guard !bytes.isEmpty else { return }
        try await sink(bytes)
    }

    public func write(_ text: String) async throws {
        try await write(Array(text.utf8))
    }
}
