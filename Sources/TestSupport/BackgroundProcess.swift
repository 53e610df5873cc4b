import Foundation
import OVNSandbox
#if canImport(Glibc)
import Glibc
#endif

/// A program a test runs in the background (the `ovn-edge` binary under test), stopped by pid.
public final class BackgroundProcess: @unchecked Sendable {
    // Safe: `pid` is set once in init; `exitStatus` is only touched under `lock`.
    public let pid: pid_t
    public let logPath: String
    private let lock = NSLock()
    private var exitStatus: Int32?

    public init(_ program: String, _ arguments: [String], environment: [String: String]? = nil) throws {
        logPath = "/tmp/oe-bg-\(getpid())-\(UUID().uuidString.prefix(8)).log"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // None of the test process's other descriptors (see `spawnAndWait`).
        SpawnFileActions.closeFrom(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, program, &actions, &attributes, argv, env)
        guard rc == 0 else { throw POSIXError(.init(rawValue: rc) ?? .EIO) }
        pid = child
    }

    /// Everything the process printed so far.
    public var output: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Sends `signal` and waits for the exit; returns the exit status (128+n for a signal).
    @discardableResult
    public func terminate(_ signal: Int32 = SIGTERM, timeout: TimeInterval = 15) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let exitStatus { return exitStatus }
        kill(pid, signal)
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let rc = waitpid(pid, &status, WNOHANG)
            if rc == pid { break }
            if rc == -1 && errno != EINTR { break }
            if Date() > deadline { kill(pid, SIGKILL) }
            usleep(10_000)
        }
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        exitStatus = code
        unlink(logPath)
        return code
    }

    deinit { terminate(SIGKILL) }
}

public func processIsAlive(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    // A zombie is dead for our purposes (a container's pid 1 may never reap it).
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return false }
    let state = stat[stat.index(close, offsetBy: 2)...].prefix(1)
    return state != "Z" && state != "X"
}

/// Polls `condition` until it holds, failing after `timeout` seconds.
public func waitUntil(timeout: TimeInterval, _ condition: () throws -> Bool) async throws {
    struct TimedOut: Error, CustomStringConvertible { let seconds: TimeInterval; var description: String { "condition not met within \(seconds) s" } }
    let deadline = Date().addingTimeInterval(timeout)
    while try !condition() {
        if Date() > deadline { throw TimedOut(seconds: timeout) }
        try await Task.sleep(nanoseconds: 20_000_000)
    }
}
