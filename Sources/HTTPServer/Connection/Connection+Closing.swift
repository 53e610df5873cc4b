import Dispatch
#if canImport(Glibc)
import Glibc
#endif

extension Connection {
    /// Shuts our direction and drains input briefly, so a reset does not destroy the last
    /// response in the client's receive buffer (RFC 9112 §9.6).
    func beginLingeringClose() {
        guard phase != .closed, phase != .lingering else { return }
        if peerClosed {
            closeNow()
            return
        }
        phase = .lingering
        transport.shutdownWrite()
        setDeadline(timeouts.linger)
        resumeReading()
        if readSuspended { closeNow() }
    }

    /// Graceful shutdown began: idle connections close now, busy ones after their response;
    /// streams are cancelled so their producers end the body.
    func beginShutdown() {
        switch phase {
        case .handshake, .idle:
            closeNow()
        case .readingHead, .readingBody, .responding:
            closeAfterResponse = true
        case .streaming:
            closeAfterResponse = true
            task?.cancel()
        case .lingering, .closed:
            break
        }
    }

    /// Cancels every source; the fd is closed by the last cancel handler, never before.
    func closeNow() {
        guard phase != .closed else { return }
        phase = .closed
        deadline = 0
        task?.cancel()
        task = nil
        let waiters = streamWaiters
        streamWaiters.removeAll()
        for waiter in waiters { waiter.resume(throwing: HTTPServerError.connectionClosed) }
        if let readSource {
            if readSuspended { readSource.resume() }
            readSuspended = false
            readSource.cancel()
        }
        if let writeSource {
            if !writeArmed { writeSource.resume() }
            writeArmed = true
            writeSource.cancel()
        }
    }

    func sourceCancelled() {
        liveSources -= 1
        guard liveSources == 0 else { return }
        readSource = nil
        writeSource = nil
        transport.release()
        Glibc.close(fd)
        shard.connections[ObjectIdentifier(self)] = nil
        core.releaseConnection()
    }
}
