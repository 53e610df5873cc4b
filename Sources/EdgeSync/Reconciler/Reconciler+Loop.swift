import EdgeCore
import EdgeStore
import Foundation
import OVSDB

extension Reconciler {
    /// Standby until connected with the lock held; then a pass whenever something asks for one.
    func loop(_ client: OVSDBClient) async {
        var needFull = true
        var lastFull = Date.distantPast
        while !Task.isCancelled {
            guard await holdsLock(client) else {
                needFull = true // whoever wrote meanwhile: look at everything once we write again
                _ = wake.take()
                await wake.wait(timeout: 1)
                continue
            }
            var reasons = wake.take()
            if reasons.contains(.drift) {
                try? await Task.sleep(nanoseconds: UInt64(options.driftDebounce * 1e9))
                reasons.formUnion(wake.take())
            }
            let full = needFull || reasons.contains(.drift) || Date().timeIntervalSince(lastFull) >= options.fullResyncInterval
            if full || reasons.contains(.desiredState) {
                do {
                    try await pass(full: full, client: client)
                    if full {
                        needFull = false
                        lastFull = Date()
                    }
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("sync pass failed: \(error)")
                    stateBox.update { state in
                        state.lastError = "\(error)"
                        state.lastErrorAt = Date()
                    }
                    needFull = true
                    try? await Task.sleep(nanoseconds: UInt64(options.retryDelay * 1e9))
                    continue
                }
            }
            let untilResync = options.fullResyncInterval - Date().timeIntervalSince(lastFull)
            await wake.wait(timeout: max(0.05, untilResync))
        }
    }

    /// Asks for the lock once connected, and reports the role.
    private func holdsLock(_ client: OVSDBClient) async -> Bool {
        let connected = client.isReady
        if connected && client.lockState(options.lockName) == .notRequested {
            do {
                try await client.lock(options.lockName)
            } catch {
                logger.info("lock request failed: \(error)")
            }
        }
        let holds = client.isReady && client.lockState(options.lockName) == .held
        stateBox.update { state in
            state.nbConnected = client.isReady
            state.holdsWriterLock = holds
            state.role = !state.nbConnected ? .starting : holds ? .active : .standby
        }
        return holds
    }
}
