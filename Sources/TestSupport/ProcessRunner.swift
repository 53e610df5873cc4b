import Foundation
import OVNSandbox

/// Runs programs for tests.
public enum ProcessRunner {
    public struct Failure: Error, CustomStringConvertible {
        public let command: [String]
        public let status: Int32
        public let output: String
        public var description: String { "\(command.joined(separator: " ")) exited \(status): \(output)" }
    }

    /// Runs a program to completion and returns its standard output; non-zero exit throws.
    @discardableResult
    public static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let result = try spawnAndWait(program, arguments, environment: environment)
        guard result.status == 0 else {
            throw Failure(command: [program] + arguments, status: result.status, output: result.stdout + result.stderr)
        }
        return result.stdout
    }

    /// Runs a program to completion and returns everything, whatever its exit status.
    public static func result(_ program: String, _ arguments: [String], environment: [String: String]? = nil) throws -> CommandResult {
        try spawnAndWait(program, arguments, environment: environment)
    }

    /// The path of the built `ovn-edge` binary: `OVN_EDGE_BINARY`, or next to the test bundle.
    public static func ovnEdgeBinary() -> String {
        if let explicit = ProcessInfo.processInfo.environment["OVN_EDGE_BINARY"] { return explicit }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("ovn-edge").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return ".build/debug/ovn-edge"
    }
}
