import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private OVN under one folder: NB and SB `ovsdb-server`s and `ovn-northd`, each with its own
/// unix socket, unixctl socket, pidfile and log, so several sandboxes never collide.
///
/// `start` is idempotent (a running component is left alone, an existing database is kept) and
/// `stop` signals only the pids recorded in this folder.
public struct OVNSandbox: Sendable {
    /// Which daemons a sandbox runs. Tests of the OVSDB client need only NB.
    public enum Components: Sendable {
        case northboundOnly
        case full
    }

    public struct ComponentStatus: Sendable, Equatable {
        public let name: String
        public let pid: Int32?
        public var running: Bool { pid != nil }
    }

    public let directory: String
    public let installation: OVNInstallation

    public var nbRemote: String { "unix:" + path("nb.sock") }
    public var sbRemote: String { "unix:" + path("sb.sock") }
    public var nbSocketPath: String { path("nb.sock") }
    public var sbSocketPath: String { path("sb.sock") }

    public init(directory: String, installation: OVNInstallation? = nil) throws {
        let absolute = URL(fileURLWithPath: directory).standardizedFileURL.path
        // sun_path holds 108 bytes; leave room for "/northd.ctl".
        guard absolute.utf8.count <= 90 else { throw OVNSandboxError.pathTooLong(absolute) }
        self.directory = absolute
        self.installation = try installation ?? OVNInstallation.locate()
    }

    public func path(_ name: String) -> String { directory + "/" + name }

    var nb: Daemon { Daemon(name: "nb", program: installation.ovsdbServer, pidfile: path("nb.pid")) }
    var sb: Daemon { Daemon(name: "sb", program: installation.ovsdbServer, pidfile: path("sb.pid")) }
    var northd: Daemon { Daemon(name: "northd", program: installation.ovnNorthd, pidfile: path("northd.pid")) }

    /// Starts whatever is not running yet. Returns the names of the daemons it started.
    @discardableResult
    public func start(_ components: Components = .full) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try withLock {
            var started: [String] = []
            if try startDatabase(nb, file: "nb.db", schema: installation.nbSchema) { started.append("nb") }
            guard components == .full else { return started }
            if try startDatabase(sb, file: "sb.db", schema: installation.sbSchema) { started.append("sb") }
            if try startNorthd() { started.append("northd") }
            return started
        }
    }

    /// Stops every daemon of this sandbox (northd first), by the pids in its pidfiles.
    public func stop() {
        _ = try? withLock {
            for daemon in [northd, sb, nb] { daemon.stop() }
        }
    }

    public func status() -> [ComponentStatus] {
        [nb, sb, northd].map { ComponentStatus(name: $0.name, pid: $0.runningPid()) }
    }

    /// Deletes the folder after stopping everything: for throwaway sandboxes.
    public func destroy() {
        stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    // MARK: - Steps

    private func startDatabase(_ daemon: Daemon, file: String, schema: String) throws -> Bool {
        guard daemon.runningPid() == nil else { return false }
        let db = path(file)
        if !FileManager.default.fileExists(atPath: db) {
            try runCommand(installation.ovsdbTool, ["create", db, schema])
        } else if try runCommand(installation.ovsdbTool, ["needs-conversion", db, schema])
                    .trimmingCharacters(in: .whitespacesAndNewlines) == "yes" {
            // An OVN upgrade brought a newer schema: convert in place, as ovn-ctl does.
            try runCommand(installation.ovsdbTool, ["convert", db, schema])
        }
        let name = daemon.name
        try? FileManager.default.removeItem(atPath: path("\(name).sock"))
        try launch(daemon, installation.ovsdbServer, [
            "--remote=punix:" + path("\(name).sock"),
            "--unixctl=" + path("\(name).ctl"),
            "--pidfile=" + daemon.pidfile,
            "--log-file=" + path("\(name).log"),
            "--detach", "--no-chdir",
            db,
        ])
        return true
    }

    private func startNorthd() throws -> Bool {
        guard northd.runningPid() == nil else { return false }
        try launch(northd, installation.ovnNorthd, [
            "--ovnnb-db=" + nbRemote,
            "--ovnsb-db=" + sbRemote,
            "--unixctl=" + path("northd.ctl"),
            "--pidfile=" + northd.pidfile,
            "--log-file=" + path("northd.log"),
            "--detach", "--no-chdir",
        ])
        return true
    }

    /// `--detach` returns once the daemon is initialised; a failure leaves its reason in the log.
    private func launch(_ daemon: Daemon, _ program: String, _ arguments: [String]) throws {
        do {
            try runCommand(program, arguments)
        } catch {
            throw OVNSandboxError.daemonDidNotStart(name: daemon.name, logTail: logTail(daemon.name) + "\n\(error)")
        }
        guard daemon.runningPid() != nil else {
            throw OVNSandboxError.daemonDidNotStart(name: daemon.name, logTail: logTail(daemon.name))
        }
    }

    private func logTail(_ name: String) -> String {
        let text = (try? String(contentsOfFile: path("\(name).log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(10).joined(separator: "\n")
    }

    /// Serialises concurrent `start`/`stop` calls on the same folder (two shells, two tests).
    private func withLock<T>(_ body: () throws -> T) throws -> T {
        let fd = open(path("sandbox.lock"), O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return try body() }
        defer { close(fd) }
        flock(fd, LOCK_EX)
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
