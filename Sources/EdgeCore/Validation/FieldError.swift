/// One problem with one field of a request. `field` is the JSON path in snake_case
/// (`cidr_v4`, `exclude[2]`, `labels.team`).
public struct FieldError: Hashable, Sendable, Codable, CustomStringConvertible {
    public let field: String
    public let code: ValidationCode
    public let message: String

    public init(field: String, code: ValidationCode, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    public var description: String { "\(field): \(code.rawValue): \(message)" }
}
