import ArgumentParser
import Dispatch
import Foundation
import OVNSandbox

/// `ovn-edge serve`: runs the service. With no `--ovn-nb` it starts a private OVN sandbox under
/// the data folder and stops it on exit (the embedded default).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the ovn-edge service.")

    @Option(help: "Data folder (SQLite database, embedded OVN sandbox). Env: OVN_EDGE_DATA_DIR. Default: ./.data")
    var dataDir: String?

    @Option(name: .customLong("ovn-nb"), help: "OVN NB remotes (unix:…, tcp:…, ssl:…, comma separated). Env: OVN_EDGE_OVN_NB. Default: an embedded sandbox.")
    var ovnNB: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let dataDir = self.dataDir ?? environment["OVN_EDGE_DATA_DIR"] ?? "./.data"
        let ovnNB = self.ovnNB ?? environment["OVN_EDGE_OVN_NB"]
        let store = try openMigratedStore(dataDir: dataDir)
        defer { try? store.close() }
        var embedded: OVNSandbox?
        if ovnNB == nil {
            let sandbox = try openSandbox(dataDir + "/ovn")
            try sandbox.start(.full)
            embedded = sandbox
            print("embedded OVN sandbox: OVN_NB_DB=\(sandbox.nbRemote) OVN_SB_DB=\(sandbox.sbRemote)")
        }
        defer { embedded?.stop() }
        let signal = await waitForTermination()
        print("received \(signal), shutting down")
    }
}

/// Suspends until SIGINT or SIGTERM arrives and returns its name.
func waitForTermination() async -> String {
    await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
        let once = ResumeOnce(continuation)
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler { once.resume(name) }
            source.resume()
            SignalSources.keep(source)
        }
    }
}

/// Keeps signal sources alive for the life of the process.
enum SignalSources {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let lock = NSLock()
    static func keep(_ source: DispatchSourceSignal) { lock.withLock { sources.append(source) } }
}

/// Resumes a continuation at most once, from whichever signal comes first.
final class ResumeOnce: @unchecked Sendable {
    // Safe: `continuation` is read and cleared only under `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<String, Never>?
    init(_ continuation: CheckedContinuation<String, Never>) { self.continuation = continuation }
    func resume(_ value: String) {
        lock.withLock {
            continuation?.resume(returning: value)
            continuation = nil
        }
    }
}
