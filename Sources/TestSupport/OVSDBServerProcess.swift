import Foundation
import OVNSandbox
#if canImport(Glibc)
import Glibc
#endif

/// One `ovsdb-server` a test starts itself (standalone or a Raft member), with its own
/// pidfile, unixctl socket and log in `directory`. Stopped by the pid in its pidfile.
public final class OVSDBServerProcess: @unchecked Sendable {
    // Safe: all properties are constants; the process is managed only through its pidfile.
    public let name: String
    public let directory: String
    public let databasePath: String
    /// Listening remotes as given to `--remote` (e.g. `punix:…`, `ptcp:PORT:127.0.0.1`).
    public let listenRemotes: [String]
    public let extraArguments: [String]
    public let installation: OVNInstallation

    public var pidfile: String { directory + "/\(name).pid" }
    public var unixctl: String { directory + "/\(name).ctl" }
    public var logPath: String { directory + "/\(name).log" }
    public var socketPath: String { directory + "/\(name).sock" }
    /// The client remote of its unix socket.
    public var unixRemote: String { "unix:" + socketPath }

    public init(name: String, directory: String, databasePath: String, extraRemotes: [String] = [],
                extraArguments: [String] = [], installation: OVNInstallation? = nil) throws {
        self.name = name
        self.directory = directory
        self.databasePath = databasePath
        self.listenRemotes = ["punix:" + directory + "/\(name).sock"] + extraRemotes
        self.extraArguments = extraArguments
        self.installation = try installation ?? OVNInstallation.locate()
    }

    /// Creates a standalone database from the NB schema (unless it exists).
    public func createStandaloneDatabase(schema: String? = nil) throws {
        guard !FileManager.default.fileExists(atPath: databasePath) else { return }
        try ProcessRunner.run(installation.ovsdbTool, ["create", databasePath, schema ?? installation.nbSchema])
    }

    /// Starts the server detached; returns once it serves.
    public func start() throws {
        try? FileManager.default.removeItem(atPath: socketPath)
        try ProcessRunner.run(installation.ovsdbServer, listenRemotes.map { "--remote=" + $0 } + extraArguments + [
            "--unixctl=" + unixctl, "--pidfile=" + pidfile, "--log-file=" + logPath,
            "--detach", "--no-chdir", databasePath,
        ])
    }

    /// The server's pid, if it is running (checked against /proc so a recycled pid is never hit).
    public var pid: pid_t? {
        guard let text = try? String(contentsOfFile: pidfile, encoding: .utf8),
              let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0,
              processIsAlive(pid),
              let comm = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8),
              comm.hasPrefix("ovsdb-server") else { return nil }
        return pid
    }

    public var isRunning: Bool { pid != nil }

    /// Sends `signal` to the server's pid and waits until it is gone.
    public func kill(_ signal: Int32 = SIGKILL, timeout: TimeInterval = 10) {
        guard let pid else { return }
        Glibc.kill(pid, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while processIsAlive(pid) {
            if Date() > deadline { Glibc.kill(pid, SIGKILL) }
            usleep(5_000)
        }
        try? FileManager.default.removeItem(atPath: pidfile)
    }

    /// SIGTERM, then SIGKILL if it lingers.
    public func stop() { kill(SIGTERM, timeout: 5) }

    /// Runs `ovs-appctl` against this server's unixctl socket.
    @discardableResult
    public func appctl(_ arguments: String...) throws -> String {
        try ProcessRunner.run(OVNInstallation.tool("ovs-appctl"), ["-t", unixctl] + arguments)
    }

    public func logTail(lines: Int = 20) -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }
}

/// A TCP port on 127.0.0.1 that was free a moment ago (bind to 0, read, close).
public func freeLoopbackPort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Runs `body` with a standalone NB `ovsdb-server` listening on a unix socket plus
/// `extraRemotes` (e.g. `ptcp:PORT:127.0.0.1`), and always stops it and removes its folder.
public func withOVSDBServer<T>(extraRemotes: [String] = [], extraArguments: [String] = [],
                               _ body: (OVSDBServerProcess) async throws -> T) async throws -> T {
    let folder = try TemporaryDirectory(prefix: "ovsdb")
    defer { folder.remove() }
    let server = try OVSDBServerProcess(name: "nb", directory: folder.path, databasePath: folder.path + "/nb.db",
                                        extraRemotes: extraRemotes, extraArguments: extraArguments)
    defer { server.kill() }
    try server.createStandaloneDatabase()
    try server.start()
    return try await body(server)
}
