/// Reads the fields of a JSON object body one by one, collecting every problem instead of
/// stopping at the first, so a client learns about all its mistakes in one response.
///
///     var body = try ObjectReader(body: bytes)
///     let name = body.string("name", required: true)
///     let cidr = body.parse("cidr_v4") { try CIDR(parsing: $0) }
///     try body.finish()        // 422 with errors[] for bad and unknown fields
public struct ObjectReader: Sendable {
    /// A field that may be absent, explicitly null (clear it) or set — PATCH semantics.
    public enum Presence<Value: Sendable>: Sendable {
        case absent
        case null
        case value(Value)
    }

    public internal(set) var errors: [FieldProblem] = []
    private let members: [String: JSONValue]
    private let order: [String]
    private var consumed: Set<String> = []
    /// Where this object sits in the body (`items[3]`); empty for the body itself.
    let path: String

    /// Parses a request body that must be one JSON object without duplicate keys.
    public init(body: [UInt8]) throws(Problem) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw Problem.malformedJSON("\(error.reason) at byte \(error.offset)")
        }
        guard case .object(let pairs) = value else {
            throw Problem.malformedJSON("the body must be a JSON object, not \(value.typeName)")
        }
        try self.init(pairs: pairs, path: "")
    }

    init(pairs: [(key: String, value: JSONValue)], path: String) throws(Problem) {
        var members: [String: JSONValue] = [:]
        for pair in pairs {
            guard members.updateValue(pair.value, forKey: pair.key) == nil else {
                throw Problem.malformedJSON("duplicate key '\(path.isEmpty ? pair.key : path + "." + pair.key)'")
            }
        }
        self.members = members
        self.order = pairs.map(\.key)
        self.path = path
    }

    public func contains(_ key: String) -> Bool { members[key] != nil }

    public var keys: [String] { order }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// Records a problem with a field (also used by callers for cross-field rules).
    public mutating func fail(_ key: String, code: String, _ message: String) {
        errors.append(FieldProblem(field: fieldPath(key), code: code, message: message))
    }

    mutating func take(_ key: String, required: Bool) -> JSONValue? {
        consumed.insert(key)
        guard let value = members[key] else {
            if required { fail(key, code: "required", "is required") }
            return nil
        }
        return value
    }

    mutating func typeMismatch(_ key: String, expected: String, got value: JSONValue) {
        fail(key, code: "invalid-type", "must be \(expected), not \(value.typeName)")
    }

    public mutating func string(_ key: String, required: Bool = false, maxLength: Int = 255) -> String? {
        guard let value = take(key, required: required) else { return nil }
        guard case .string(let text) = value else { typeMismatch(key, expected: "a string", got: value); return nil }
        guard text.count <= maxLength else { fail(key, code: "too-long", "must be at most \(maxLength) characters"); return nil }
        return text
    }

    public mutating func bool(_ key: String, required: Bool = false) -> Bool? {
        guard let value = take(key, required: required) else { return nil }
        guard case .bool(let flag) = value else { typeMismatch(key, expected: "a boolean", got: value); return nil }
        return flag
    }

    /// An integer within `range`; `8080.0` and `1e3` are not integers.
    public mutating func integer(_ key: String, required: Bool = false, in range: ClosedRange<Int64>) -> Int64? {
        guard let value = take(key, required: required) else { return nil }
        guard case .number(let text) = value else { typeMismatch(key, expected: "an integer", got: value); return nil }
        guard let number = Int64(text) else {
            let isIntegral = !text.contains(".") && !text.contains("e") && !text.contains("E")
            fail(key, code: isIntegral ? "out-of-range" : "invalid-type",
                 isIntegral ? "must be between \(range.lowerBound) and \(range.upperBound)" : "must be an integer")
            return nil
        }
        guard range.contains(number) else {
            fail(key, code: "out-of-range", "must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return number
    }

    public mutating func stringArray(_ key: String, required: Bool = false, maxCount: Int = 1000, maxLength: Int = 255) -> [String]? {
        guard let value = take(key, required: required) else { return nil }
        guard case .array(let elements) = value else { typeMismatch(key, expected: "an array of strings", got: value); return nil }
        guard elements.count <= maxCount else { fail(key, code: "too-long", "must have at most \(maxCount) items"); return nil }
        var result: [String] = []
        var valid = true
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                errors.append(FieldProblem(field: "\(fieldPath(key))[\(index)]", code: "invalid-type", message: "must be a string, not \(element.typeName)"))
                valid = false
                continue
            }
            guard text.count <= maxLength else {
                errors.append(FieldProblem(field: "\(fieldPath(key))[\(index)]", code: "too-long", message: "must be at most \(maxLength) characters"))
                valid = false
                continue
            }
            result.append(text)
        }
        return valid ? result : nil
    }

    public mutating func stringMap(_ key: String, required: Bool = false, maxCount: Int = 64) -> [String: String]? {
        guard let value = take(key, required: required) else { return nil }
        guard case .object(let pairs) = value else { typeMismatch(key, expected: "an object of strings", got: value); return nil }
        guard pairs.count <= maxCount else { fail(key, code: "too-long", "must have at most \(maxCount) entries"); return nil }
        var result: [String: String] = [:]
        var valid = true
        for pair in pairs {
            guard case .string(let text) = pair.value else {
                errors.append(FieldProblem(field: "\(fieldPath(key)).\(pair.key)", code: "invalid-type", message: "must be a string, not \(pair.value.typeName)"))
                valid = false
                continue
            }
            guard result.updateValue(text, forKey: pair.key) == nil else {
                errors.append(FieldProblem(field: "\(fieldPath(key)).\(pair.key)", code: "duplicate-key", message: "appears twice"))
                valid = false
                continue
            }
        }
        return valid ? result : nil
    }

    /// The objects of an array field, each as a reader of its own at `key[i]`. Their errors stay
    /// in them: `adopt` each one back once read.
    public mutating func objectArray(_ key: String, required: Bool = false, maxCount: Int) throws(Problem) -> [ObjectReader]? {
        guard let value = take(key, required: required) else { return nil }
        guard case .array(let elements) = value else { typeMismatch(key, expected: "an array of objects", got: value); return nil }
        guard !elements.isEmpty else { fail(key, code: "too-short", "must have at least one item"); return nil }
        guard elements.count <= maxCount else { fail(key, code: "too-long", "must have at most \(maxCount) items"); return nil }
        var readers: [ObjectReader] = []
        readers.reserveCapacity(elements.count)
        var valid = true
        for (index, element) in elements.enumerated() {
            guard case .object(let pairs) = element else {
                errors.append(FieldProblem(field: "\(fieldPath(key))[\(index)]", code: "invalid-type", message: "must be an object, not \(element.typeName)"))
                valid = false
                continue
            }
            readers.append(try ObjectReader(pairs: pairs, path: "\(fieldPath(key))[\(index)]"))
        }
        return valid ? readers : nil
    }

    /// Takes over the errors of a nested reader, with its unread fields reported as unknown.
    public mutating func adopt(_ nested: ObjectReader) {
        var nested = nested
        nested.reportUnread()
        errors += nested.errors
    }

    /// A string field for PATCH: absent, null (clear) or a value.
    public mutating func nullableString(_ key: String, maxLength: Int = 255) -> Presence<String> {
        guard let value = members[key] else { consumed.insert(key); return .absent }
        if case .null = value { consumed.insert(key); return .null }
        return string(key, maxLength: maxLength).map { .value($0) } ?? .absent
    }

    /// A string field turned into a domain value by `transform`; its failure becomes a field
    /// error with the domain's own code when it provides one.
    public mutating func parse<Value>(_ key: String, required: Bool = false, maxLength: Int = 255,
                                      _ transform: (String) throws -> Value) -> Value? {
        guard let text = string(key, required: required, maxLength: maxLength) else { return nil }
        return convert(key, text, transform)
    }

    /// Applies `transform` to each string of an array field, reporting `field[i]` on failure.
    public mutating func parseEach<Value>(_ key: String, required: Bool = false, maxCount: Int = 1000,
                                          _ transform: (String) throws -> Value) -> [Value]? {
        guard let texts = stringArray(key, required: required, maxCount: maxCount) else { return nil }
        var values: [Value] = []
        var valid = true
        for (index, text) in texts.enumerated() {
            if let value = convert("\(key)[\(index)]", text, transform) { values.append(value) } else { valid = false }
        }
        return valid ? values : nil
    }

    private mutating func convert<Value>(_ key: String, _ text: String, _ transform: (String) throws -> Value) -> Value? {
        do {
            return try transform(text)
        } catch let error as FieldErrorConvertible {
            fail(key, code: error.fieldCode, error.fieldMessage)
        } catch {
            fail(key, code: "invalid-value", "\(error)")
        }
        return nil
    }

    /// Marks fields that exist on the resource but may not be changed by this request.
    public mutating func rejectPresent(_ keys: [String], code: String = "immutable-field", _ message: String = "cannot be changed") {
        for key in keys where members[key] != nil {
            consumed.insert(key)
            fail(key, code: code, message)
        }
    }

    /// Throws a 422 naming every invalid field and every field nobody read.
    public mutating func finish() throws(Problem) {
        reportUnread()
        guard errors.isEmpty else { throw Problem.validation(errors) }
    }

    private mutating func reportUnread() {
        for key in order where !consumed.contains(key) {
            fail(key, code: "unknown-field", "is not a field of this resource")
        }
        consumed.formUnion(order)
    }
}
