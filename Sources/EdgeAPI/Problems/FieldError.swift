/// One invalid field of a request body or query: `field` is a JSON path such as `exclude[2]`,
/// `code` a stable code such as `invalid-cidr`.
public struct FieldError: Sendable, Equatable, Codable {
    public let field: String
    public let code: String
    public let message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}

/// An error that knows which field code and message it stands for; domain validation errors
/// adopt it so the API can report them per field.
public protocol FieldErrorConvertible: Error {
    var fieldCode: String { get }
    var fieldMessage: String { get }
}
