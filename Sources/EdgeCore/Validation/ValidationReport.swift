/// Collects field errors while checking a request, so a client learns about all of them at once.
public struct ValidationReport: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func add(_ field: String, _ code: ValidationCode, _ message: String) {
        errors.append(FieldError(field: field, code: code, message: message))
    }

    public mutating func add(contentsOf other: [FieldError]) { errors.append(contentsOf: other) }

    /// Parses a text field; records `code` and returns nil when it does not parse.
    public mutating func parse<T: LosslessStringConvertible>(
        _ text: String?, as type: T.Type, field: String, code: ValidationCode
    ) -> T? {
        guard let text else { return nil }
        guard let value = T(text) else {
            add(field, code, "cannot parse \(String(reflecting: text)) as \(T.self)")
            return nil
        }
        return value
    }

    /// Throws the collected errors, if any.
    public func check() throws(ValidationFailure) {
        if !errors.isEmpty { throw ValidationFailure(errors) }
    }
}
