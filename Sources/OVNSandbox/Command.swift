import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The outcome of a program run to completion.
public struct CommandResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs a program to completion with `posix_spawn` + `waitpid`.
///
/// Output goes to temporary files rather than pipes: a daemon that forks with `--detach` keeps the
/// inherited descriptors, and a pipe would never reach end-of-file. Foundation's `Process` is not
/// used because its exit notification needs a run loop that an async `main` may be blocking.
public func spawnAndWait(_ program: String, _ arguments: [String],
                         environment: [String: String]? = nil) throws -> CommandResult {
    let stamp = "\(getpid())-\(UUID().uuidString.prefix(8))"
    let outPath = "/tmp/ovn-edge-\(stamp).out", errPath = "/tmp/ovn-edge-\(stamp).err"
    defer { unlink(outPath); unlink(errPath) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    // Nothing else of ours: a socket of another thread without close-on-exec (or in the window
    // before it is set) would live on in a `--detach`ed daemon, and its close in this process would
    // then neither send a FIN nor a reset (a test's peer waited for one for seconds).
    SpawnFileActions.closeFrom(&actions, 3)

    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { env.forEach { free($0) } }

    // Children inherit the caller's signal mask and ignored signals; a daemon started from a
    // Dispatch or test thread would otherwise never see SIGTERM.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var emptyMask = sigset_t(), defaults = sigset_t()
    sigemptyset(&emptyMask)
    sigemptyset(&defaults)
    for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var pid: pid_t = 0
    let rc = posix_spawn(&pid, program, &actions, &attributes, argv, env)
    guard rc == 0 else {
        throw OVNSandboxError.commandFailed(command: program, status: -1, output: String(cString: strerror(rc)))
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    // WIFEXITED/WEXITSTATUS are macros Swift cannot import.
    let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return CommandResult(
        status: exitStatus,
        stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    )
}

/// Runs a short-lived program and returns its standard output; a non-zero exit is an error.
@discardableResult
func runCommand(_ program: String, _ arguments: [String]) throws -> String {
    let result = try spawnAndWait(program, arguments)
    guard result.status == 0 else {
        let name = (program as NSString).lastPathComponent
        throw OVNSandboxError.commandFailed(command: ([name] + arguments).joined(separator: " "),
                                            status: result.status, output: result.stdout + result.stderr)
    }
    return result.stdout
}
