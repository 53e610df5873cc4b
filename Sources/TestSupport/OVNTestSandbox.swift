import Foundation
import OVNSandbox

/// Gives the body a throwaway OVN in a temp folder and always tears it down, also when the
/// body throws or an expectation fails.
public func withOVN<T>(
    _ components: OVNSandbox.Components = .northboundOnly,
    _ body: (OVNSandbox) async throws -> T
) async throws -> T {
    let folder = try TemporaryDirectory(prefix: "ovn")
    let sandbox = try OVNSandbox(directory: folder.path)
    // Starting and stopping daemons blocks (spawn, reap, wait for exit): off the shared pool.
    do {
        _ = try await offPool { try sandbox.start(components) }
        let result = try await body(sandbox)
        _ = try? await offPool { sandbox.destroy() }
        return result
    } catch {
        _ = try? await offPool { sandbox.destroy() }
        throw error
    }
}

extension OVNSandbox {
    /// Runs `ovn-nbctl` against this sandbox's NB and returns its standard output.
    @discardableResult
    public func nbctl(_ arguments: String...) throws -> String {
        try ProcessRunner.run(OVNInstallation.tool("ovn-nbctl"), ["--db=" + nbRemote] + arguments)
    }

    @discardableResult
    public func nbctl(arguments: [String]) throws -> String {
        try ProcessRunner.run(OVNInstallation.tool("ovn-nbctl"), ["--db=" + nbRemote] + arguments)
    }

    /// Runs `ovn-sbctl` against this sandbox's SB.
    @discardableResult
    public func sbctl(_ arguments: String...) throws -> String {
        try ProcessRunner.run(OVNInstallation.tool("ovn-sbctl"), ["--db=" + sbRemote] + arguments)
    }
}
