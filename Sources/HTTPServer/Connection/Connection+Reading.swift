extension Connection {
    /// Pipelined input held while a response is in flight before reading pauses.
    static let maxBufferedInput = 64 * 1024

    func onReadable() {
        switch phase {
        case .closed:
            return
        case .handshake:
            continueHandshake()
        case .lingering:
            drainWhileLingering()
        default:
            if writeWaitsForReadable {
                writeWaitsForReadable = false
                flush()
                guard phase != .closed else { return }
            }
            readAvailable()
        }
    }

    func continueHandshake() {
        switch transport.handshake() {
        case .done:
            phase = .idle
            disarmWrite()
            readAvailable()
        case .wantRead:
            disarmWrite()
        case .wantWrite:
            armWrite()
        case .endOfStream, .failed:
            closeNow()
        }
    }

    /// Reads what the socket (and OpenSSL's buffer) holds, then parses it.
    func readAvailable() {
        var received = false
        reading: while phase != .closed {
            if (phase == .responding || phase == .streaming) && parser.bufferedByteCount >= Self.maxBufferedInput {
                suspendReading()
                break
            }
            switch transport.read(into: shard.readBuffer) {
            case .done(let count):
                parser.append(UnsafeRawBufferPointer(rebasing: shard.readBuffer[0..<count]))
                received = true
                // Level-triggered epoll reports data left in the socket again; only data
                // OpenSSL already decrypted needs another round here.
                if !transport.hasBufferedInput { break reading }
            case .wantRead:
                break reading
            case .wantWrite:
                readWaitsForWritable = true
                armWrite()
                break reading
            case .endOfStream:
                peerClosed = true
                suspendReading()
                break reading
            case .failed:
                closeNow()
                return
            }
        }
        if received && phase == .readingBody { setDeadline(timeouts.bodyIdle) }
        processInput()
        if peerClosed { handlePeerClosed() }
    }

    /// The client finished sending. Without a request in flight there is nothing left to do; a
    /// streamed response has no reader any more; an ordinary response is still written.
    func handlePeerClosed() {
        switch phase {
        case .idle, .readingHead, .readingBody, .handshake, .streaming, .lingering:
            closeNow()
        case .responding, .closed:
            break
        }
    }

    func drainWhileLingering() {
        for _ in 0..<4 {
            switch transport.read(into: shard.readBuffer) {
            case .done: continue
            case .wantRead: return
            case .wantWrite, .endOfStream, .failed:
                closeNow()
                return
            }
        }
    }

    func suspendReading() {
        guard !readSuspended, registration != nil else { return }
        readSuspended = true
        updateInterest()
    }

    func resumeReading() {
        guard readSuspended, registration != nil, !peerClosed else { return }
        readSuspended = false
        updateInterest()
        // OpenSSL may hold decrypted bytes the socket will never signal again.
        if transport.hasBufferedInput {
            shard.loop.execute { [self] in onReadable() }
        }
    }
}
