/// Connection and lock events, for logging, readiness and the single-writer standby logic.
public enum ClientEvent: Sendable, Hashable {
    /// Connected, schema read, monitors loaded, locks re-requested.
    case connected(Remote)
    case disconnected(reason: String)
    /// The server granted a lock this client asked for (`locked` notification or immediate grant).
    case lockAcquired(String)
    /// Another client stole the lock (`stolen` notification).
    case lockStolen(String)
    /// The lock is no longer held because the connection dropped; it is re-requested on reconnect.
    case lockLost(String)
}
