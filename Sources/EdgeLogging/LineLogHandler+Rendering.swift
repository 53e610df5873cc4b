import Logging

extension LineLogHandler {
    /// Appends one line, newline included. `explicit` is the line's own metadata; on a clash it
    /// wins over the provider's, which wins over the handler's.
    public func render(
        level: Logger.Level, message: String, explicit: [(key: String, value: Logger.MetadataValue)],
        source: String, into line: inout [UInt8]
    ) {
        Self.timestamp.append(to: &line)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: level.rawValue.utf8)
        if !label.isEmpty {
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: label.utf8)
        }
        line.append(UInt8(ascii: ":"))
        for (key, value) in mergedMetadata(explicit) {
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: key.utf8)
            line.append(UInt8(ascii: "="))
            Self.append(value, to: &line)
        }
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

    static func append(_ value: Logger.MetadataValue, to line: inout [UInt8]) {
        switch value {
        case .string(let text): line.append(contentsOf: text.utf8)
        case .stringConvertible(let convertible): line.append(contentsOf: convertible.description.utf8)
        case .array, .dictionary: line.append(contentsOf: value.description.utf8)
        }
    }
}
