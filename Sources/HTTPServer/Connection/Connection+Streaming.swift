extension Connection {
    /// Starts the producer of a streamed body on the handler pool; its writes hop to the loop.
    func startStream(_ producer: @escaping @Sendable (ResponseBodyWriter) async throws -> Void) {
        phase = .streaming
        deadline = 0
        let loop = shard.loop
        let writer = ResponseBodyWriter { [self] bytes in
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                loop.execute { [self] in streamWrite(bytes, continuation) }
            }
        }
        task = Task(executorPreference: core.executor) { [self] in
            let succeeded: Bool
            do {
                try await producer(writer)
                succeeded = true
            } catch {
                succeeded = error is CancellationError || (error as? HTTPServerError) == .connectionClosed
            }
            loop.execute { [self] in endStream(succeeded: succeeded) }
        }
    }

    func streamWrite(_ bytes: [UInt8], _ continuation: CheckedContinuation<Void, any Error>) {
        guard phase == .streaming, !responseComplete else {
            continuation.resume(throwing: HTTPServerError.connectionClosed)
            return
        }
        enqueue(streamChunked ? ResponseSerializer.chunk(bytes) : bytes)
        streamWaiters.append(continuation)
        flush()
    }

    /// The producer returned (or was cancelled by shutdown): end the body properly. A producer
    /// that failed leaves a truncated message, so the connection is dropped.
    func endStream(succeeded: Bool) {
        guard phase == .streaming else { return }
        task = nil
        guard succeeded else {
            closeNow()
            return
        }
        responseComplete = true
        if streamChunked { enqueue(ResponseSerializer.lastChunk) }
        flush()
    }
}
