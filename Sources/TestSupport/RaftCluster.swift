import Foundation
import OVNSandbox

/// A Raft-clustered NB database: `size` `ovsdb-server`s on one machine, talking Raft over
/// unix sockets, each with its own client socket, pidfile, unixctl socket and log.
public final class RaftCluster: @unchecked Sendable {
    // Safe: all properties are constants; members are managed through their pidfiles.
    public let directory: String
    public let members: [OVSDBServerProcess]

    public init(directory: String, size: Int = 3, installation: OVNInstallation? = nil) throws {
        let installation = try installation ?? OVNInstallation.locate()
        self.directory = directory
        members = try (1...size).map { index in
            try OVSDBServerProcess(name: "s\(index)", directory: directory, databasePath: directory + "/s\(index).db",
                                   installation: installation)
        }
        let raft = (1...size).map { "unix:\(directory)/s\($0).raft" }
        try ProcessRunner.run(installation.ovsdbTool, ["create-cluster", members[0].databasePath, installation.nbSchema, raft[0]])
        for index in 1..<size {
            try ProcessRunner.run(installation.ovsdbTool, ["join-cluster", members[index].databasePath, "OVN_Northbound", raft[index], raft[0]])
        }
    }

    /// Starts every member (the joiners complete their join once the first one runs).
    public func start() throws {
        for member in members { try member.start() }
    }

    /// Every member's client remote, comma-separated, as a client takes them.
    public var remotes: String { members.map(\.unixRemote).joined(separator: ",") }

    /// The member that says it is leader (`cluster/status`), if any.
    public func leader() -> OVSDBServerProcess? {
        members.first { member in
            guard member.isRunning, let status = try? member.appctl("cluster/status", "OVN_Northbound") else { return false }
            return status.contains("Role: leader")
        }
    }

    /// Whether every running member reports a leader and is connected.
    public func hasLeader() -> Bool { leader() != nil }

    public func member(forRemote remote: String) -> OVSDBServerProcess? {
        members.first { remote.contains($0.socketPath) }
    }

    public func stopAll() {
        for member in members { member.kill() }
    }
}

/// Runs `body` with a started 3-member cluster that has elected a leader; always kills every
/// member by pid and removes the folder.
public func withRaftCluster<T>(size: Int = 3, _ body: (RaftCluster) async throws -> T) async throws -> T {
    let folder = try TemporaryDirectory(prefix: "raft")
    defer { folder.remove() }
    let cluster = try RaftCluster(directory: folder.path, size: size)
    defer { cluster.stopAll() }
    try cluster.start()
    try await waitUntil(timeout: 30) { cluster.hasLeader() }
    return try await body(cluster)
}
