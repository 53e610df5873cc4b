import ArgumentParser
import EdgeAPI
import Foundation
import Logging

/// Everything `serve` runs with, resolved from flags, environment and config file.
struct ServeSettings {
    /// Config-file keys (= long option names).
    static let keys: Set<String> = [
        "listen", "data-dir", "ovn-nb", "ovn-ca", "ovn-cert", "ovn-key", "tls-cert", "tls-key", "no-auth",
        "admin-token-file", "rate-limit", "rate-burst", "log-level", "adopt-legacy-rows", "io-threads",
    ]

    var listen: ListenAddress
    var dataDir: String
    var ovnNB: String?
    var ovnCA: String?
    var ovnCert: String?
    var ovnKey: String?
    var tlsCert: String?
    var tlsKey: String?
    var noAuth: Bool
    /// NB rows of ovn-edge releases before deployments whose object is not in our database are
    /// ours to remove (an NB only this deployment ever wrote).
    var adoptLegacyRows: Bool
    var adminTokenFile: String
    var rateLimit: RateLimit?
    var logLevel: Logger.Level
    /// HTTP event loops (a thread each).
    var ioThreads: Int
    /// key, value, source: what `--print-config` shows.
    var report: [(key: String, value: String, source: ConfigSource)]

    init(_ command: ServeCommand, environment: [String: String]) throws {
        let configPath = command.config ?? environment["OVN_EDGE_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let file = try configPath.map { try ConfigFile(path: $0, knownKeys: Self.keys) } ?? ConfigFile()
        var resolver = SettingResolver(environment: environment, file: file)
        listen = try resolver.parsed("listen", flag: command.listen, default: .default) { ListenAddress(argument: $0) }
        dataDir = resolver.string("data-dir", flag: command.dataDir, default: "./.data")
        ovnNB = resolver.string("ovn-nb", flag: command.ovnNB)?.0
        ovnCA = resolver.string("ovn-ca", flag: command.ovnCA)?.0
        ovnCert = resolver.string("ovn-cert", flag: command.ovnCert)?.0
        ovnKey = resolver.string("ovn-key", flag: command.ovnKey)?.0
        tlsCert = resolver.string("tls-cert", flag: command.tlsCert)?.0
        tlsKey = resolver.string("tls-key", flag: command.tlsKey)?.0
        noAuth = try resolver.bool("no-auth", flag: command.noAuth)
        adoptLegacyRows = try resolver.bool("adopt-legacy-rows", flag: command.adoptLegacyRows)
        adminTokenFile = resolver.string("admin-token-file", flag: command.adminTokenFile, default: dataDir + "/admin.token")
        let perSecond = try resolver.parsed("rate-limit", flag: command.rateLimit, default: 20.0) { Double($0).flatMap { $0 >= 0 && $0.isFinite ? $0 : nil } }
        let burst = try resolver.parsed("rate-burst", flag: command.rateBurst, default: Double?.none) { Double($0).flatMap { $0 >= 1 && $0.isFinite ? $0 : nil } }
        rateLimit = RateLimit(perSecond: perSecond, burst: burst)
        logLevel = try resolver.parsed("log-level", flag: command.logLevel, default: .info) { Logger.Level(rawValue: $0.lowercased()) }
        ioThreads = try resolver.parsed("io-threads", flag: command.ioThreads, default: ProcessInfo.processInfo.activeProcessorCount) {
            Int($0).flatMap { (1...256).contains($0) ? $0 : nil }
        }
        report = resolver.resolved
        if let configPath { report.insert(("config", configPath, command.config != nil ? .flag : .environment), at: 0) }
        try check()
    }

    /// Settings that only make sense together, and `--no-auth` only on loopback.
    func check() throws {
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        if noAuth && !listen.isLoopback {
            throw ValidationError("--no-auth is refused on \(listen.host): without authentication ovn-edge listens on loopback only (127.0.0.0/8, ::1, localhost)")
        }
        let usesSSL = ovnNB?.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("ssl:") } ?? false
        let tlsFiles = [ovnCA, ovnCert, ovnKey].compactMap { $0 }
        if usesSSL && tlsFiles.count != 3 { throw ValidationError("an ssl: NB remote needs --ovn-ca, --ovn-cert and --ovn-key") }
        if !usesSSL && !tlsFiles.isEmpty { throw ValidationError("--ovn-ca, --ovn-cert and --ovn-key are for ssl: NB remotes (--ovn-nb ssl:HOST:PORT)") }
    }
}
