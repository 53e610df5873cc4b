/// Every failure the OVSDB module reports.
public enum OVSDBError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A remote string that is not `unix:PATH`, `tcp:HOST:PORT` or `ssl:HOST:PORT`.
    case invalidRemote(String)
    /// Could not connect (`errno`), or the TLS handshake failed.
    case connectFailed(remote: String, reason: String)
    /// The connection closed while the request was outstanding: it may or may not have been
    /// applied (see `Transaction.retry`).
    case connectionLost(reason: String)
    /// No usable connection before the deadline.
    case notConnected
    /// No reply before the deadline.
    case timedOut(method: String)
    /// The server answered the request with a JSON-RPC error (unknown database, unknown method, …).
    case server(method: String, ServerError)
    /// The transaction did not commit.
    case transactionFailed(TransactionFailure)
    /// The server is a cluster member that is not the leader (or not connected to its cluster).
    case notLeader(remote: String)
    /// The server sent something this client cannot make sense of.
    case protocolViolation(String)
    /// A name the schema does not know.
    case unknownTable(String)
    /// A lock name or uuid-name that is not an OVSDB `<id>` (`[_a-zA-Z][_a-zA-Z0-9]*`).
    case invalidName(String)
    /// The client was stopped.
    case stopped

    public var description: String {
        switch self {
        case .invalidRemote(let r): return "invalid remote \(r)"
        case .connectFailed(let r, let reason): return "cannot connect to \(r): \(reason)"
        case .connectionLost(let reason): return "connection lost: \(reason)"
        case .notConnected: return "not connected"
        case .timedOut(let m): return "\(m) timed out"
        case .server(let m, let e): return "\(m) failed: \(e)"
        case .transactionFailed(let f): return "transaction failed: \(f)"
        case .notLeader(let r): return "\(r) is not the cluster leader"
        case .protocolViolation(let s): return "protocol violation: \(s)"
        case .unknownTable(let t): return "unknown table \(t)"
        case .invalidName(let n): return "\(n) is not an OVSDB id ([_a-zA-Z][_a-zA-Z0-9]*)"
        case .stopped: return "client stopped"
        }
    }

    /// The failed transaction, if this is one.
    public var transactionFailure: TransactionFailure? {
        if case .transactionFailed(let f) = self { return f } else { return nil }
    }
}

extension OVSDBError {
    /// RFC 7047 `<id>`: lock names and uuid-names must match `[_a-zA-Z][_a-zA-Z0-9]*`.
    static func validateID(_ name: String) throws(OVSDBError) {
        let bytes = Array(name.utf8)
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F }
        guard let first = bytes.first, isLetter(first),
              bytes.allSatisfy({ isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) }) else { throw .invalidName(name) }
    }
}
