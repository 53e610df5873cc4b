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

    /// Stops watching the socket at once; the fd and the transport are released in a job after
    /// this event's handling, since the code up the stack may still call the transport.
    func closeNow() {
        guard phase != .closed else { return }
        phase = .closed
        deadline = 0
        task?.cancel()
        task = nil
        let waiters = streamWaiters
        streamWaiters.removeAll()
        for waiter in waiters { waiter.resume(throwing: HTTPServerError.connectionClosed) }
        if let registration {
            shard.loop.deregister(registration)
            self.registration = nil
        }
        shard.loop.execute { [self] in release() }
    }

    private func release() {
        transport.release()
        Glibc.close(fd)
        shard.connections[ObjectIdentifier(self)] = nil
        core.releaseConnection()
    }
}
