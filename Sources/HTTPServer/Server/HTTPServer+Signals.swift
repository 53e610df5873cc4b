import Dispatch
#if canImport(Glibc)
import Glibc
#endif

extension HTTPServer {
    /// Turns the first of `signals` into `shutdown(deadline:)`. The signals' default action is
    /// disabled so the process survives to drain; `waitUntilStopped()` returns afterwards.
    public func shutdownOnSignals(_ signals: [Int32] = [SIGTERM, SIGINT], deadline: Duration = .seconds(10)) {
        let sources = signals.map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                logger.info("signal received, shutting down", metadata: ["signal": "\(number)"])
                Task { await shutdown(deadline: deadline) }
            }
            source.resume()
            return source
        }
        state.withLock { $0.signalSources += sources }
    }
}
