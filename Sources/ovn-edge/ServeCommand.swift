import ArgumentParser
import EdgeAPI
import EdgeStore
import Foundation
import HTTPServer
import OVNSandbox

/// `ovn-edge serve`: runs the service. With no `--ovn-nb` it starts a private OVN sandbox under
/// the data folder and stops it on exit (the embedded default).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the ovn-edge service.")

    @Option(help: "Data folder (SQLite database, embedded OVN sandbox). Env: OVN_EDGE_DATA_DIR. Default: ./.data")
    var dataDir: String?

    @Option(help: "Address to serve the API on, HOST:PORT (port 0: any free port). Env: OVN_EDGE_LISTEN. Default: 127.0.0.1:8080")
    var listen: ListenAddress?

    @Option(name: .customLong("ovn-nb"), help: "OVN NB remotes (unix:…, tcp:…, ssl:…, comma separated). Env: OVN_EDGE_OVN_NB. Default: an embedded sandbox.")
    var ovnNB: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let dataDir = self.dataDir ?? environment["OVN_EDGE_DATA_DIR"] ?? "./.data"
        let ovnNB = self.ovnNB ?? environment["OVN_EDGE_OVN_NB"]
        let listen = try self.listen ?? environment["OVN_EDGE_LISTEN"].map(Self.parseListen) ?? .default
        let store = try openMigratedStore(dataDir: dataDir)
        defer { try? store.close() }
        var embedded: OVNSandbox?
        if ovnNB == nil {
            let sandbox = try openSandbox(dataDir + "/ovn")
            try sandbox.start(.full)
            embedded = sandbox
            say("embedded OVN sandbox: OVN_NB_DB=\(sandbox.nbRemote) OVN_SB_DB=\(sandbox.sbRemote)")
        }
        defer { embedded?.stop() }
        guard let nbRemote = ovnNB ?? embedded?.nbRemote else { throw ExitCode(2) }
        let signals = StoreSignals()
        let sync = SyncService.start(store: store, signals: signals, nbRemote: nbRemote)
        let api = RESTAPI(store: store, signals: signals, sync: sync)
        var router = Router()
        api.register(into: &router)
        let server = HTTPServer(configuration: .init(host: listen.host, port: listen.port), router: router)
        do {
            try server.start()
        } catch {
            await sync.stop()
            FileHandle.standardError.write(Data("ovn-edge: cannot listen on \(listen): \(error)\n".utf8))
            throw ExitCode(2)
        }
        server.shutdownOnSignals()
        say("listening on http://\(ListenAddress(host: listen.host, port: server.port))")
        await server.waitUntilStopped()
        say("stopped serving; shutting down")
        await sync.stop()
    }

    static func parseListen(_ text: String) throws -> ListenAddress {
        guard let address = ListenAddress(argument: text) else {
            throw ValidationError("OVN_EDGE_LISTEN must be HOST:PORT, not \(text)")
        }
        return address
    }
}

/// Writes a line to stdout at once (print is block-buffered on a pipe, and scripts wait for
/// the `listening on` line).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
