/// Why a sandbox could not be started, stopped or inspected.
public enum OVNSandboxError: Error, Equatable, CustomStringConvertible {
    case notInstalled(missing: [String])
    case commandFailed(command: String, status: Int32, output: String)
    case daemonDidNotStart(name: String, logTail: String)
    case pathTooLong(String)

    public var description: String {
        switch self {
        case .notInstalled(let missing):
            return "OVN is not installed on this machine (missing: \(missing.joined(separator: ", "))). "
                + "Install the Debian packages: apt-get install \(OVNInstallation.debianPackages.joined(separator: " "))"
        case .commandFailed(let command, let status, let output):
            return "\(command) exited with status \(status): \(output)"
        case .daemonDidNotStart(let name, let logTail):
            return "\(name) did not start; last log lines:\n\(logTail)"
        case .pathTooLong(let path):
            return "sandbox folder path is too long for a unix socket (max ~100 bytes): \(path)"
        }
    }
}
