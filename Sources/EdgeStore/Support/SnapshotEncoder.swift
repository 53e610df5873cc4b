import EdgeCore
import Foundation

/// JSON for the store's snapshot columns (change-log `before`/`after`, labels, conditions): the
/// bytes Foundation's `JSONEncoder` writes with sorted keys, unescaped slashes and
/// `JSONCoding`'s date format, without its generic machinery, which was a quarter of the
/// writer's time per FIP create (benchmarks/RESULTS.md). Values it does not know how to write
/// the same way (floating point, nested super-encoders) fall back to `JSONEncoder`.
enum SnapshotEncoder {
    struct Unsupported: Error {}

    static func encode<T: Encodable>(_ value: T) throws -> String? {
        let root = Node()
        do {
            try root.encode(value)
        } catch is Unsupported {
            return nil
        }
        guard root.isSupported else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(512)
        root.write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// One JSON value being built; containers share it by reference.
    final class Node {
        enum Value {
            /// Written through a path this encoder does not support (a super-encoder).
            case unsupported
            case unset
            case literal([UInt8])
            case object([String: Node])
            case array([Node])
        }

        var value = Value.unset

        func encode<T: Encodable>(_ value: T) throws {
            if let date = value as? Date {
                self.value = .literal(Self.quoted(JSONCoding.rfc3339(date)))
            } else if value is Float || value is Double || value is Decimal || value is Data || value is URL {
                throw Unsupported()
            } else {
                try value.encode(to: TreeEncoder(node: self))
            }
        }

        var isSupported: Bool {
            switch value {
            case .unsupported: false
            case .unset, .literal: true
            case .object(let members): members.values.allSatisfy(\.isSupported)
            case .array(let items): items.allSatisfy(\.isSupported)
            }
        }

        func child(_ key: String) -> Node {
            guard case .object(var members) = value else {
                value = .unsupported
                return Node()
            }
            // Unset first so `members` is the only reference: inserting then does not copy the
            // whole dictionary for every key.
            value = .unset
            let node = Node()
            members[key] = node
            value = .object(members)
            return node
        }

        func write(into out: inout [UInt8]) {
            switch value {
            case .unsupported, .unset:
                out.append(contentsOf: "{}".utf8)
            case .literal(let bytes):
                out.append(contentsOf: bytes)
            case .object(let members):
                out.append(UInt8(ascii: "{"))
                for (index, key) in Self.sortedKeys(members).enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(contentsOf: Self.quoted(key))
                    out.append(UInt8(ascii: ":"))
                    members[key]!.write(into: &out)
                }
                out.append(UInt8(ascii: "}"))
            case .array(let items):
                out.append(UInt8(ascii: "["))
                for (index, item) in items.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    item.write(into: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
        }

        /// The order `JSONEncoder.OutputFormatting.sortedKeys` uses.
        static func sortedKeys(_ members: [String: Node]) -> [String] {
            members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }

        static func quoted(_ text: String) -> [UInt8] {
            var out = [UInt8]()
            out.reserveCapacity(text.utf8.count + 2)
            appendQuoted(text, to: &out)
            return out
        }

        /// `text` as a JSON string, escaped the way `JSONEncoder` escapes (slashes left as they are).
        static func appendQuoted(_ text: String, to out: inout [UInt8]) {
            out.append(UInt8(ascii: "\""))
            if JSONPlainString.append(text, to: &out) {
                out.append(UInt8(ascii: "\""))
                return
            }
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case 0x08: out.append(contentsOf: #"\b"#.utf8)
                case 0x0C: out.append(contentsOf: #"\f"#.utf8)
                case 0x0A: out.append(contentsOf: #"\n"#.utf8)
                case 0x0D: out.append(contentsOf: #"\r"#.utf8)
                case 0x09: out.append(contentsOf: #"\t"#.utf8)
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: #"\u00"#.utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
    }

    struct TreeEncoder: Encoder {
        let node: Node
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .object = node.value {} else { node.value = .object([:]) }
            return KeyedEncodingContainer(Keyed<Key>(node: node))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .array = node.value {} else { node.value = .array([]) }
            return Unkeyed(node: node)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).value = .literal(Array("null".utf8)) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try node.child(key.stringValue).encode(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { node.child(key.stringValue).value = .literal(Node.quoted(value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try node.child(key.stringValue).encode(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            TreeEncoder(node: node.child(key.stringValue)).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            TreeEncoder(node: node.child(key.stringValue)).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { SnapshotEncoder.unsupportedEncoder(node) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { SnapshotEncoder.unsupportedEncoder(node) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] { [] }
        var count: Int {
            if case .array(let items) = node.value { return items.count }
            return 0
        }

        private func append() -> Node {
            let child = Node()
            if case .array(var items) = node.value {
                node.value = .unset // `items` alone holds the storage: append without a copy
                items.append(child)
                node.value = .array(items)
            }
            return child
        }

        mutating func encodeNil() throws { append().value = .literal(Array("null".utf8)) }
        mutating func encode(_ value: String) throws { append().value = .literal(Node.quoted(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try append().encode(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            TreeEncoder(node: append()).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { TreeEncoder(node: append()).unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { SnapshotEncoder.unsupportedEncoder(node) }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { node.value = .literal(Array("null".utf8)) }
        mutating func encode(_ value: Bool) throws { node.value = .literal(Array((value ? "true" : "false").utf8)) }
        mutating func encode(_ value: String) throws { node.value = .literal(Node.quoted(value)) }
        mutating func encode(_ value: Int) throws { node.value = .literal(Array(String(value).utf8)) }
        mutating func encode(_ value: Int8) throws { node.value = .literal(Array(String(value).utf8)) }
        mutating func encode(_ value: Int16) throws { node.value = .literal(Array(String(value).utf8)) }
        mutating func encode(_ value: Int32) throws { node.value = .literal(Array(String(value).utf8)) }
        mutating func encode(_ value: Int64) throws { node.value = .literal(Array(String(value).utf8)) }
        mutating func encode(_ value: UInt) throws { node.value = .literal(Array(String(value).utf8)) }
        mutating func encode(_ value: UInt8) throws { node.value = .literal(Array(String(value).utf8)) }
        mutating func encode(_ value: UInt16) throws { node.value = .literal(Array(String(value).utf8)) }
        mutating func encode(_ value: UInt32) throws { node.value = .literal(Array(String(value).utf8)) }
        mutating func encode(_ value: UInt64) throws { node.value = .literal(Array(String(value).utf8)) }
        mutating func encode(_ value: Double) throws { throw Unsupported() }
        mutating func encode(_ value: Float) throws { throw Unsupported() }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.encode(value) }
    }

    /// Super-encoders are not needed by any stored type; one marks the value unsupported, and
    /// `encode` falls back to JSONEncoder.
    static func unsupportedEncoder(_ node: Node) -> any Encoder {
        node.value = .unsupported
        return TreeEncoder(node: Node())
    }
}
