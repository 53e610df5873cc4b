import Foundation

/// `--config FILE`: one `key = value` per line. Keys are the long option names of `serve`
/// without the dashes (`listen`, `data-dir`, `tls-cert`, `no-auth` …); values may be wrapped in
/// double quotes; `#` starts a comment line; blank lines are ignored. A key given twice or not
/// known is an error, so typos do not pass silently.
struct ConfigFile {
    enum Failure: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case malformed(path: String, line: Int, text: String)
        case unknownKey(path: String, line: Int, key: String)
        case duplicateKey(path: String, line: Int, key: String)

        var description: String {
            switch self {
            case .unreadable(let path, let reason): "cannot read config file \(path): \(reason)"
            case .malformed(let path, let line, let text): "\(path):\(line): expected key = value, got \(String(reflecting: text))"
            case .unknownKey(let path, let line, let key): "\(path):\(line): unknown key \(key)"
            case .duplicateKey(let path, let line, let key): "\(path):\(line): \(key) is set twice"
            }
        }
    }

    let values: [String: String]

    init(values: [String: String] = [:]) { self.values = values }

    init(path: String, knownKeys: Set<String>) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Failure.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        values = try Self.parse(text, path: path, knownKeys: knownKeys)
    }

    static func parse(_ text: String, path: String, knownKeys: Set<String>) throws -> [String: String] {
        var values: [String: String] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else { throw Failure.malformed(path: path, line: index + 1, text: line) }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard !key.isEmpty else { throw Failure.malformed(path: path, line: index + 1, text: line) }
            guard knownKeys.contains(key) else { throw Failure.unknownKey(path: path, line: index + 1, key: key) }
            guard values.updateValue(value, forKey: key) == nil else { throw Failure.duplicateKey(path: path, line: index + 1, key: key) }
        }
        return values
    }
}
