/// Every field error of one request (never empty when thrown).
public struct ValidationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public let errors: [FieldError]

    public init(_ errors: [FieldError]) { self.errors = errors }

    public init(field: String, code: ValidationCode, message: String) {
        self.init([FieldError(field: field, code: code, message: message)])
    }

    public var description: String { errors.map(\.description).joined(separator: "; ") }
}
