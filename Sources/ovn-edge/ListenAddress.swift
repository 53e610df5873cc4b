import ArgumentParser

/// `--listen HOST:PORT` (`[v6]:PORT` for IPv6 literals); port 0 picks a free one.
struct ListenAddress: ExpressibleByArgument, CustomStringConvertible {
    static let `default` = ListenAddress(host: "127.0.0.1", port: 8080)

    let host: String
    let port: Int

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    init?(argument: String) {
        guard let colon = argument.lastIndex(of: ":"), let port = Int(argument[argument.index(after: colon)...]),
              (0...65535).contains(port) else { return nil }
        var host = String(argument[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        self.init(host: host, port: port)
    }

    var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
