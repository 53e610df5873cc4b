import Logging

extension LineLogHandler {
    /// Appends one line, newline included. `explicit` is the line's own metadata; on a clash it
    /// wins over the provider's, which wins over the handler's.
    public func render(
        level: Logger.Level, message: String, explicit: [(key: String, value: Logger.MetadataValue)],
        source: String, into line: inout [UInt8]
    ) {
        appendPrefix(level, to: &line)
        for (key, value) in mergedMetadata(explicit) {
            Self.appendKey(key, to: &line)
            Self.append(value, to: &line)
        }
        appendSuffix(source: source, message: message, to: &line)
    }

    /// The same line as `render(level:message:explicit:…)` with `fields` as `.string` values,
    /// logged by this handler with `adding` set on its metadata first (later entries winning),
    /// for a caller whose fields are text already sorted by key (the access log's): they are
    /// merged with the few other entries as they are written, without building metadata.
    public func render(
        level: Logger.Level, message: String, sortedFields fields: [(key: String, value: String)],
        adding: [(key: String, value: Logger.MetadataValue)] = [], source: String, into line: inout [UInt8]
    ) {
        appendPrefix(level, to: &line)
        let others = metadata(notIn: fields, adding: adding)
        var (next, nextOther) = (fields.startIndex, others.startIndex)
        while next < fields.endIndex || nextOther < others.endIndex {
            if nextOther == others.endIndex || (next < fields.endIndex && fields[next].key < others[nextOther].key) {
                Self.appendKey(fields[next].key, to: &line)
                line.append(contentsOf: fields[next].value.utf8)
                next += 1
            } else {
                Self.appendKey(others[nextOther].key, to: &line)
                Self.append(others[nextOther].value, to: &line)
                nextOther += 1
            }
        }
        appendSuffix(source: source, message: message, to: &line)
    }

    /// `<time> <level> <label>:`
    private func appendPrefix(_ level: Logger.Level, to line: inout [UInt8]) {
        Self.timestamp.append(to: &line)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: level.rawValue.utf8)
        if !label.isEmpty {
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: label.utf8)
        }
        line.append(UInt8(ascii: ":"))
    }

    /// ` [<source>] <message>` and the newline.
    private func appendSuffix(source: String, message: String, to line: inout [UInt8]) {
        line.append(contentsOf: " [".utf8)
        line.append(contentsOf: source.utf8)
        line.append(contentsOf: "] ".utf8)
        line.append(contentsOf: message.utf8)
        line.append(UInt8(ascii: "\n"))
    }

    /// The handler's, the provider's and the explicit metadata, each key once, sorted by key.
    func mergedMetadata(_ explicit: [(key: String, value: Logger.MetadataValue)]) -> [(key: String, value: Logger.MetadataValue)] {
        var entries = explicit
        let provided = metadataProvider?.get() ?? [:]
        for (key, value) in provided where !entries.contains(where: { $0.key == key }) {
            entries.append((key, value))
        }
        for (key, value) in metadata where !entries.contains(where: { $0.key == key }) {
            entries.append((key, value))
        }
        entries.sort { $0.key < $1.key }
        return entries
    }

    /// The provider's entries, then `adding`'s (the last of a key), then the handler's, each key
    /// once and only those `fields` does not have, sorted by key: usually just the request id.
    func metadata(notIn fields: [(key: String, value: String)], adding: [(key: String, value: Logger.MetadataValue)]) -> [(key: String, value: Logger.MetadataValue)] {
        var entries: [(key: String, value: Logger.MetadataValue)] = []
        func add(_ key: String, _ value: Logger.MetadataValue) {
            guard !fields.contains(where: { $0.key == key }), !entries.contains(where: { $0.key == key }) else { return }
            entries.append((key, value))
        }
        for (key, value) in metadataProvider?.get() ?? [:] { add(key, value) }
        for (key, value) in adding.reversed() { add(key, value) }
        for (key, value) in metadata { add(key, value) }
        if entries.count > 1 { entries.sort { $0.key < $1.key } }
        return entries
    }

    static func appendKey(_ key: String, to line: inout [UInt8]) {
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: key.utf8)
        line.append(UInt8(ascii: "="))
    }

    static func append(_ value: Logger.MetadataValue, to line: inout [UInt8]) {
        switch value {
        case .string(let text): line.append(contentsOf: text.utf8)
        case .stringConvertible(let convertible): line.append(contentsOf: convertible.description.utf8)
        case .array, .dictionary: line.append(contentsOf: value.description.utf8)
        }
    }
}
