import Foundation

/// Where an OVSDB server listens, in ovsdb's own notation.
public enum Remote: Sendable, Hashable, CustomStringConvertible {
    case unix(path: String)
    case tcp(host: String, port: Int)
    case ssl(host: String, port: Int)

    /// `unix:PATH`, `tcp:HOST:PORT`, `ssl:HOST:PORT` (IPv6 as `[::1]`).
    public init(_ text: String) throws(OVSDBError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("unix:") {
            let path = String(trimmed.dropFirst(5))
            guard !path.isEmpty else { throw .invalidRemote(text) }
            self = .unix(path: path)
            return
        }
        let isTLS: Bool
        if trimmed.hasPrefix("tcp:") { isTLS = false } else if trimmed.hasPrefix("ssl:") { isTLS = true } else {
            throw .invalidRemote(text)
        }
        let rest = trimmed.dropFirst(4)
        let host: Substring, portText: Substring
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw .invalidRemote(text) }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            guard after.hasPrefix(":") else { throw .invalidRemote(text) }
            portText = after.dropFirst()
        } else {
            guard let colon = rest.lastIndex(of: ":") else { throw .invalidRemote(text) }
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        }
        guard !host.isEmpty, let port = Int(portText), (1...65535).contains(port) else { throw .invalidRemote(text) }
        self = isTLS ? .ssl(host: String(host), port: port) : .tcp(host: String(host), port: port)
    }

    /// A comma-separated list, e.g. `tcp:10.0.0.1:6641,tcp:10.0.0.2:6641`.
    public static func list(_ text: String) throws(OVSDBError) -> [Remote] {
        var remotes: [Remote] = []
        for part in text.split(separator: ",") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
            remotes.append(try Remote(String(part)))
        }
        guard !remotes.isEmpty else { throw .invalidRemote(text) }
        return remotes
    }

    public var description: String {
        switch self {
        case .unix(let path): return "unix:" + path
        case .tcp(let host, let port): return "tcp:" + (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
        case .ssl(let host, let port): return "ssl:" + (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
        }
    }

    /// Unix sockets are local: no inactivity probe, as in ovsdb's own clients.
    public var needsProbes: Bool { if case .unix = self { return false } else { return true } }
}
