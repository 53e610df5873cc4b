import Foundation

extension JSONValue {
    /// A string, or null when absent.
    static func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    static func integer<I: BinaryInteger>(_ number: I) -> JSONValue { .number(String(number)) }

    /// The text form of a domain value (addresses, CIDRs, MACs), or null.
    static func text<T: CustomStringConvertible>(_ value: T?) -> JSONValue { value.map { .string($0.description) } ?? .null }

    static func strings(_ texts: [String]) -> JSONValue { .array(texts.map(JSONValue.string)) }

    static func stringMap(_ map: [String: String]) -> JSONValue {
        .object(map.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
    }

    /// RFC 3339 UTC with milliseconds: "2025-06-15T13:46:40.000Z".
    static func timestamp(_ date: Date) -> JSONValue { .string(RFC3339.format(date)) }

    /// Parses stored JSON text (change-log snapshots); unparsable text is kept as a string.
    static func embedded(_ text: String?) -> JSONValue {
        guard let text else { return .null }
        return (try? JSONParser.parse(Array(text.utf8))) ?? .string(text)
    }

    /// The member `key` of an object.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}
