import ArgumentParser
import EdgeAPI
import EdgeLogging
import EdgeStore
import EdgeSync
import Foundation
import HTTPServer
import Logging
import OVNSandbox
import OVSDB

/// `ovn-edge serve`: runs the service. With no `--ovn-nb` it starts a private OVN sandbox under
/// the data folder and stops it on exit (the embedded default). Every option can also come from
/// the environment (`OVN_EDGE_<NAME>`) or a config file; see `ServeSettings`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the ovn-edge service.",
        discussion: """
        Every option may also be set by an environment variable (named after it) or by a config \
        file: one `key = value` per line, the key being the option name without dashes \
        (`listen = 0.0.0.0:8443`), `#` comment lines. Precedence: flag > environment > config file > default.
        """
    )

    @Option(help: "Config file of `key = value` lines (keys: the long option names). Env: OVN_EDGE_CONFIG.")
    var config: String?

    @Option(help: "Address to serve the API on, HOST:PORT (port 0: any free port). Env: OVN_EDGE_LISTEN. Default: 127.0.0.1:8080")
    var listen: String?

    @Option(help: "Data folder (SQLite database, admin token file, embedded OVN sandbox). Env: OVN_EDGE_DATA_DIR. Default: ./.data")
    var dataDir: String?

    @Option(name: .customLong("ovn-nb"), help: "OVN NB remotes (unix:…, tcp:…, ssl:…, comma separated). Env: OVN_EDGE_OVN_NB. Default: an embedded sandbox.")
    var ovnNB: String?

    @Option(name: .customLong("ovn-ca"), help: "CA certificate (PEM) that signed the NB server's certificate, for ssl: remotes. Env: OVN_EDGE_OVN_CA")
    var ovnCA: String?

    @Option(name: .customLong("ovn-cert"), help: "Client certificate (PEM) for ssl: NB remotes. Env: OVN_EDGE_OVN_CERT")
    var ovnCert: String?

    @Option(name: .customLong("ovn-key"), help: "Client private key (PEM) for ssl: NB remotes. Env: OVN_EDGE_OVN_KEY")
    var ovnKey: String?

    @Option(help: "Serve HTTPS with this certificate chain (PEM, leaf first); needs --tls-key. Env: OVN_EDGE_TLS_CERT")
    var tlsCert: String?

    @Option(help: "Private key (PEM) of --tls-cert. Env: OVN_EDGE_TLS_KEY")
    var tlsKey: String?

    @Flag(help: "Serve without authentication (every caller is an admin); refused unless --listen is a loopback address. Env: OVN_EDGE_NO_AUTH=true")
    var noAuth = false

    @Flag(help: "This deployment owns the NB rows written by ovn-edge releases before deployment ids (owner key, no deployment key): those whose object is not in the database are removed as orphans. Only for an NB no other ovn-edge deployment writes to. Env: OVN_EDGE_ADOPT_LEGACY_ROWS=true")
    var adoptLegacyRows = false

    @Option(help: "Where the first start writes the admin token (mode 0600) when no token exists. Env: OVN_EDGE_ADMIN_TOKEN_FILE. Default: <data-dir>/admin.token")
    var adminTokenFile: String?

    @Option(help: "Requests per second per token (per client address with --no-auth); 0 turns the limit off. Env: OVN_EDGE_RATE_LIMIT. Default: 20")
    var rateLimit: String?

    @Option(help: "Requests a token may send at once before the rate applies. Env: OVN_EDGE_RATE_BURST. Default: 2 × --rate-limit")
    var rateBurst: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (logs go to stderr, with request ids). Env: OVN_EDGE_LOG_LEVEL. Default: info")
    var logLevel: String?

    @Option(help: "HTTP event loops, one thread each, 1–256. Env: OVN_EDGE_IO_THREADS. Default: the number of cores")
    var ioThreads: String?

    @Flag(help: "Print the settings with where each came from (flag, env, file, default) and exit.")
    var printConfig = false

    func run() async throws {
        let settings: ServeSettings
        do {
            settings = try ServeSettings(self, environment: ProcessInfo.processInfo.environment)
        } catch let error as ConfigFile.Failure {
            throw ValidationError(error.description)
        }
        if printConfig {
            for (key, value, source) in settings.report { print("\(key) = \(value)  # \(source.rawValue)") }
            return
        }
        let level = settings.logLevel
        // LineLogHandler: StreamLogHandler's format, with the time formatted once per second and
        // the access log's lines written in batches.
        LoggingSystem.bootstrap { label in LineLogHandler(label: label, level: level) }
        try await serve(settings)
    }

    func serve(_ settings: ServeSettings) async throws {
        let store = try openMigratedStore(dataDir: settings.dataDir)
        defer { try? store.close() }
        if !settings.noAuth { try AdminTokenFile.createIfNoToken(store, path: settings.adminTokenFile) }
        var embedded: OVNSandbox?
        if settings.ovnNB == nil {
            let sandbox = try openSandbox(settings.dataDir + "/ovn")
            try sandbox.start(.full)
            embedded = sandbox
            say("embedded OVN sandbox: OVN_NB_DB=\(sandbox.nbRemote) OVN_SB_DB=\(sandbox.sbRemote)")
        }
        defer { embedded?.stop() }
        guard let nbRemote = settings.ovnNB ?? embedded?.nbRemote else { throw ExitCode(2) }
        var options = ReconcilerOptions()
        options.adoptLegacyRows = settings.adoptLegacyRows
        if let ca = settings.ovnCA, let cert = settings.ovnCert, let key = settings.ovnKey {
            options.tls = OVSDB.TLSConfiguration(privateKeyPath: key, certificatePath: cert, caCertificatePath: ca)
        }
        let deployment = try store.deploymentID()
        say("deployment \(deployment.uuidString.lowercased()); NB writer lock \(options.lockName ?? OwnershipScope(deployment: deployment).lockName)"
            + (settings.adoptLegacyRows ? "; adopting ovn-edge rows without a deployment id (--adopt-legacy-rows)" : ""))
        let signals = StoreSignals()
        let sync = SyncService.start(store: store, signals: signals, nbRemote: nbRemote, options: options)
        let api = RESTAPI(store: store, signals: signals, sync: sync,
                          options: APIOptions(authentication: !settings.noAuth, rateLimit: settings.rateLimit, syncMetrics: sync, accessLog: true))
        var router = Router()
        api.register(into: &router)
        let tls = settings.tlsCert.flatMap { cert in
            settings.tlsKey.map { HTTPTLSConfiguration(certificateChainFile: cert, privateKeyFile: $0) }
        }
        let server = HTTPServer(configuration: .init(host: settings.listen.host, port: settings.listen.port, tls: tls, ioQueueCount: settings.ioThreads), router: router)
        do {
            try server.start()
        } catch {
            await sync.stop()
            FileHandle.standardError.write(Data("ovn-edge: cannot listen on \(settings.listen): \(error)\n".utf8))
            throw ExitCode(2)
        }
        server.shutdownOnSignals()
        if settings.noAuth { say("authentication is off (--no-auth): every caller on this machine is an admin") }
        say("listening on \(tls == nil ? "http" : "https")://\(ListenAddress(host: settings.listen.host, port: server.port))")
        await server.waitUntilStopped()
        RESTAPI.flushAccessLog()
        say("stopped serving; shutting down")
        await sync.stop()
    }
}
