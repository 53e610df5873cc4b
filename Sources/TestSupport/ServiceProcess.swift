import Foundation
import OVNSandbox

/// The real `ovn-edge serve` binary under test, with its own data folder and (unless an NB is
/// given) its embedded OVN sandbox; stopped by pid when the test ends.
public final class ServiceProcess: @unchecked Sendable {
    // Safe: all stored properties are set once in init and never mutated.
    public let dataDirectory: TemporaryDirectory
    public let process: BackgroundProcess
    public let port: UInt16
    /// The first start's admin token (`<data-dir>/admin.token`), nil with `--no-auth`.
    public let adminToken: String?

    /// Starts the service and waits until it prints its listening address.
    public init(arguments: [String] = [], environment: [String: String]? = nil, timeout: TimeInterval = 60) async throws {
        dataDirectory = try TemporaryDirectory(prefix: "svc")
        process = try BackgroundProcess(ProcessRunner.ovnEdgeBinary(),
                                        ["serve", "--listen", "127.0.0.1:0", "--data-dir", dataDirectory.path] + arguments,
                                        environment: environment)
        var found: UInt16?
        let process = self.process
        try await waitUntil(timeout: timeout) {
            found = Self.listeningPort(in: process.output)
            if found == nil && !processIsAlive(process.pid) {
                throw ProcessRunner.Failure(command: ["ovn-edge", "serve"], status: -1, output: process.output)
            }
            return found != nil
        }
        port = found!
        adminToken = (try? String(contentsOfFile: dataDirectory.path + "/admin.token", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The embedded sandbox (only meaningful when no `--ovn-nb` was given).
    public func sandbox() throws -> OVNSandbox { try OVNSandbox(directory: dataDirectory.path + "/ovn") }

    /// A client that authenticates with the admin token (when there is one).
    public func client() -> HTTPTestClient {
        let client = HTTPTestClient(port: port)
        if let adminToken { client.defaultHeaders["Authorization"] = "Bearer \(adminToken)" }
        return client
    }

    /// A client without credentials.
    public func anonymousClient() -> HTTPTestClient { HTTPTestClient(port: port) }

    /// SIGTERM and wait; returns the exit status. The data folder is removed afterwards.
    @discardableResult
    public func stop() -> Int32 {
        let status = process.terminate()
        if let sandbox = try? sandbox() { sandbox.stop() }
        dataDirectory.remove()
        return status
    }

    static func listeningPort(in output: String) -> UInt16? {
        guard let range = output.range(of: "listening on http://") ?? output.range(of: "listening on https://") else { return nil }
        let rest = output[range.upperBound...]
        guard let colon = rest.lastIndex(of: ":", before: rest.firstIndex(of: "\n") ?? rest.endIndex) else { return nil }
        let digits = rest[rest.index(after: colon)...].prefix { $0.isNumber }
        return UInt16(digits)
    }
}

private extension Substring {
    func lastIndex(of character: Character, before end: Index) -> Index? {
        self[startIndex..<end].lastIndex(of: character)
    }
}
