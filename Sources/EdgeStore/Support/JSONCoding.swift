import EdgeCore
import Foundation

/// JSON for snapshot and list columns: sorted keys, RFC 3339 UTC dates with milliseconds.
enum JSONCoding {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        // Labels and conditions (every object's columns and snapshots) are written directly.
        if let labels = value as? [String: String] { return ResourceSnapshot.encode(labels) }
        if let conditions = value as? [StatusCondition] { return ResourceSnapshot.encode(conditions) }
        if let fast = try SnapshotEncoder.encode(value) { return fast }
        return try foundationEncode(value)
    }

    /// What `SnapshotEncoder` reproduces (and falls back to).
    static func foundationEncode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(rfc3339(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        // The stored form of no labels and no conditions (most rows): no JSONDecoder for them.
        if text == "{}", let empty = [String: String]() as? T { return empty }
        if text == "[]", let empty = [StatusCondition]() as? T { return empty }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseRFC3339(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "bad date \(text)")
            }
            return date
        }
        return try decoder.decode(type, from: Data(text.utf8))
    }

    /// "2025-01-02T03:04:05.678Z"
    static func rfc3339(_ date: Date) -> String {
        StoreTime.format(date, separator: UInt8(ascii: "T"), zulu: true)
    }

    static func parseRFC3339(_ text: String) -> Date? {
        guard text.hasSuffix("Z") else { return nil }
        return StoreTime.parse(String(text.dropLast()).replacingOccurrences(of: "T", with: " "))
    }
}
