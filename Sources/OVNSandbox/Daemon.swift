import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One detached OVN/OVSDB daemon of a sandbox, known by its pidfile.
struct Daemon: Sendable {
    /// Short name: `nb`, `sb` or `northd`.
    let name: String
    /// The program it runs; checked against /proc so a recycled pid is never signalled.
    let program: String
    let pidfile: String

    /// The pid from the pidfile, if that process is alive and is still our program.
    func runningPid() -> pid_t? {
        guard let text = try? String(contentsOfFile: pidfile, encoding: .utf8),
              let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0,
              isOurs(pid)
        else { return nil }
        return pid
    }

    /// Alive (not a zombie: a container's pid 1 may never reap) and running our program, so a
    /// recycled pid is never signalled.
    private func isOurs(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM,
              let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(close, offsetBy: 2)...].prefix(1)
        guard state != "Z" && state != "X" else { return false }
        let base = (program as NSString).lastPathComponent
        guard let comm = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8) else { return false }
        return base.hasPrefix(comm.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// SIGTERM, then SIGKILL after `grace`; returns once the process is gone. Waits on the pid,
    /// not the pidfile: daemons remove their pidfile before they have finished exiting.
    func stop(grace: TimeInterval = 5) {
        defer { try? FileManager.default.removeItem(atPath: pidfile) }
        guard let pid = runningPid() else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while isOurs(pid) && Date() < deadline { usleep(5_000) }
        if isOurs(pid) {
            kill(pid, SIGKILL)
            while isOurs(pid) { usleep(5_000) }
        }
    }
}
