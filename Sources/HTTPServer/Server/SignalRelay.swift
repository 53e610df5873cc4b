import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Turns signals into callbacks through a self-pipe: the handler only `write`s the signal
/// number (async-signal-safe) and a read source on the pipe runs the callbacks.
///
/// Dispatch signal sources need the signal ignored (SIG_IGN), and Linux discards an ignored
/// process-directed signal unless the main thread blocks it — with Swift's async main that is
/// not under our control, so they fire only sometimes. A real handler always fires.
enum SignalRelay {
    typealias Callback = @Sendable (Int32) -> Void

    /// Write end of the pipe, read by the signal handler (set before any handler is installed).
    nonisolated(unsafe) static var writeFD: Int32 = -1
    private static let callbacks = Locked<[Int: (signals: [Int32], callback: Callback)]>([:])
    private static let counter = Locked(0)
    private static let installed = Locked(Set<Int32>())
    // Safe: created once by the lazy static initialiser and never mutated; only retained here.
    nonisolated(unsafe) private static let reader: (any DispatchSourceRead)? = makeReader()

    private static func makeReader() -> (any DispatchSourceRead)? {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        writeFD = fds[1]
        let source = DispatchSource.makeReadSource(fileDescriptor: fds[0], queue: DispatchQueue(label: "ovn-edge.http.signals"))
        source.setEventHandler {
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = read(fds[0], &buffer, buffer.count)
            guard count > 0 else { return }
            let registered = callbacks.current.values
            for signal in buffer[0..<count].map(Int32.init) {
                for entry in registered where entry.signals.contains(signal) { entry.callback(signal) }
            }
        }
        source.resume()
        return source
    }

    /// Installs handlers for `signals` and calls `callback` when one arrives; returns a token
    /// for `remove`.
    static func add(_ signals: [Int32], _ callback: @escaping Callback) -> Int {
        guard reader != nil else { return -1 }
        let token = counter.withLock { value in
            value += 1
            return value
        }
        callbacks.withLock { $0[token] = (signals, callback) }
        installed.withLock { installed in
            for signal in signals where !installed.contains(signal) {
                var action = sigaction()
                action.__sigaction_handler.sa_handler = { number in
                    var byte = UInt8(truncatingIfNeeded: number)
                    _ = write(SignalRelay.writeFD, &byte, 1)
                }
                sigemptyset(&action.sa_mask)
                action.sa_flags = SA_RESTART
                sigaction(signal, &action, nil)
                installed.insert(signal)
            }
        }
        return token
    }

    static func remove(_ token: Int) {
        callbacks.withLock { $0[token] = nil }
    }
}
