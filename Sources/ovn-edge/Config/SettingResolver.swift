import ArgumentParser

/// Picks each setting from the command line, else the environment (`OVN_EDGE_<KEY>`), else the
/// config file, else the default, and remembers where it came from (`serve --print-config`).
struct SettingResolver {
    let environment: [String: String]
    let file: ConfigFile
    private(set) var resolved: [(key: String, value: String, source: ConfigSource)] = []

    init(environment: [String: String], file: ConfigFile) {
        self.environment = environment
        self.file = file
    }

    /// `OVN_EDGE_DATA_DIR` for `data-dir`.
    static func environmentName(_ key: String) -> String {
        "OVN_EDGE_" + key.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    mutating func string(_ key: String, flag: String?) -> (String, ConfigSource)? {
        let found: (String, ConfigSource)? = if let flag {
            (flag, .flag)
        } else if let value = environment[Self.environmentName(key)], !value.isEmpty {
            (value, .environment)
        } else if let value = file.values[key] {
            (value, .file)
        } else {
            nil
        }
        if let found { resolved.append((key, found.0, found.1)) }
        return found
    }

    mutating func string(_ key: String, flag: String?, default value: String) -> String {
        if let (found, _) = string(key, flag: flag) { return found }
        resolved.append((key, value, .defaultValue))
        return value
    }

    mutating func parsed<T>(_ key: String, flag: String?, default value: T, _ parse: (String) -> T?) throws -> T {
        guard let (text, source) = string(key, flag: flag) else {
            resolved.append((key, "\(value)", .defaultValue))
            return value
        }
        guard let parsed = parse(text) else {
            throw ValidationError("\(key) (\(source == .environment ? Self.environmentName(key) : source.rawValue)): invalid value \(String(reflecting: text))")
        }
        return parsed
    }

    /// A `--flag` switch: set on the command line, or true/false/yes/no/1/0 in env or file.
    mutating func bool(_ key: String, flag: Bool) throws -> Bool {
        try parsed(key, flag: flag ? "true" : nil, default: false) { text in
            switch text.lowercased() {
            case "true", "yes", "1", "on": true
            case "false", "no", "0", "off": false
            default: nil
            }
        }
    }
}
