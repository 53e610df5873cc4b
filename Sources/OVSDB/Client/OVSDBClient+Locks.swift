import Foundation

extension OVSDBClient {
    /// Asks for the lock `name` (an OVSDB id: letters, digits, `_`) and keeps asking after every
    /// reconnect, since locks belong to a session. Returns whether it was granted at once; otherwise a `lockAcquired` event and
    /// `lockState` follow when the holder lets go.
    @discardableResult
    public func lock(_ name: String) async throws -> Bool {
        try await requestLock(name, method: "lock")
    }

    /// Takes the lock from whoever holds it (they get `stolen`).
    @discardableResult
    public func steal(_ name: String) async throws -> Bool {
        try await requestLock(name, method: "steal")
    }

    /// Releases the lock, or stops waiting for it.
    public func unlock(_ name: String) async throws {
        state.withLock { $0.locks[name] = .notRequested }
        _ = try await call("unlock", [.string(name)])
    }

    public func lockState(_ name: String) -> LockState {
        state.withLock { $0.locks[name] ?? .notRequested }
    }

    /// Waits until this client holds the lock (standby until then).
    public func waitForLock(_ name: String, timeout: Double) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while lockState(name) != .held {
            if state.withLock({ $0.stopped }) { throw OVSDBError.stopped }
            if Date() >= deadline { throw OVSDBError.timedOut(method: "lock \(name)") }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
    }

    private func requestLock(_ name: String, method: String) async throws -> Bool {
        try OVSDBError.validateID(name)
        let previous = state.withLock { state -> LockState in
            let previous = state.locks[name] ?? .notRequested
            if previous == .notRequested { state.locks[name] = .waiting }
            return previous
        }
        // The server keeps one request per lock and session: a second `lock` is an error, and
        // `steal` needs the pending request withdrawn first.
        if method == "lock" && previous != .notRequested { return previous == .held }
        if method == "steal" && previous == .held { return true }
        let session = try await readySession(timeout: configuration.requestTimeout)
        if method == "steal" && previous == .waiting {
            _ = try await session.call("unlock", [.string(name)], timeout: configuration.requestTimeout)
        }
        let result = try await session.call(method, [.string(name)], timeout: configuration.requestTimeout)
        return recordLockReply(name, result)
    }

    /// Re-requests a lock on a fresh session (after a reconnect).
    func requestLock(_ name: String, method: String, session: RPCSession) {
        session.call(method, [.string(name)], timeout: configuration.requestTimeout) { [weak self] result in
            guard let self, case .success(let reply) = result else { return }
            _ = self.recordLockReply(name, reply)
        }
    }

    private func recordLockReply(_ name: String, _ reply: JSON) -> Bool {
        let granted = reply["locked"]?.boolValue ?? false
        let newlyHeld = state.withLock { state -> Bool in
            guard granted, state.locks[name] == .waiting else { return false }
            state.locks[name] = .held
            return true
        }
        if newlyHeld { emit(.lockAcquired(name)) }
        return granted
    }
}
