#if canImport(Glibc)
import Glibc
#endif

extension HTTPServer {
    /// Turns the first of `signals` into `shutdown(deadline:)` so the process can drain;
    /// `waitUntilStopped()` returns afterwards. The handlers stay installed for the process.
    public func shutdownOnSignals(_ signals: [Int32] = [SIGTERM, SIGINT], deadline: Duration = .seconds(10)) {
        let token = SignalRelay.add(signals) { [self] number in
            logger.info("signal received, shutting down", metadata: ["signal": "\(number)"])
            Task { await shutdown(deadline: deadline) }
        }
        state.withLock { $0.signalTokens.append(token) }
    }
}
