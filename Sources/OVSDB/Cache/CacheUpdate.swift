/// A batch of changes applied to the cache at once (one monitor reply or notification).
public struct CacheUpdate: Sendable {
    public enum Cause: Sendable, Hashable {
        /// The first full load after the client started.
        case initial
        /// An incremental update from the server (including a resumed `monitor_cond_since`).
        case update
        /// A full reload after a reconnect the server could not resume: the changes are the
        /// difference between the old and the new content (deletes included).
        case resync
    }

    /// Grows by one with every update; equals `CacheSnapshot.generation` after this update.
    public let generation: Int
    public let cause: Cause
    public let changes: [RowChange]

    public func changes(in table: String) -> [RowChange] { changes.filter { $0.table == table } }
    public var tables: Set<String> { Set(changes.map(\.table)) }
}
