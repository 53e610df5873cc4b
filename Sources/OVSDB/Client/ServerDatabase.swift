import Foundation

/// The `_Server.Database` row that describes the client's database on the connected server.
public struct ServerDatabase: Sendable, Hashable {
    public enum Model: String, Sendable, Hashable { case standalone, clustered, relay }

    public var name: String
    public var model: Model
    public var connected: Bool
    public var leader: Bool
    /// Raft log index (clustered only): never go back to a server with an older one.
    public var index: Int?
    public var serverID: UUID?
    public var clusterID: UUID?
    /// The schema text; empty on a cluster member that has not joined yet.
    public var schema: String

    init(row: Row) {
        name = row.string("name")
        model = Model(rawValue: row.string("model")) ?? .standalone
        connected = row.boolean("connected")
        leader = row.boolean("leader")
        index = row.optionalInteger("index")
        serverID = row.optionalUUID("sid")
        clusterID = row.optionalUUID("cid")
        schema = row.optionalString("schema") ?? ""
    }

    /// Why a writer should not use this server, or nil if it can.
    func rejection(leaderOnly: Bool, minIndex: Int?) -> String? {
        switch model {
        case .standalone: return nil
        case .relay: return leaderOnly ? "relay server" : nil
        case .clustered:
            if schema.isEmpty { return "not yet joined the cluster" }
            if !connected { return "disconnected from the cluster" }
            if leaderOnly && !leader { return "not the cluster leader" }
            if let minIndex, let index, index < minIndex { return "stale (index \(index) < \(minIndex))" }
            return nil
        }
    }
}
