import EdgeCore

/// One entry of a problem's `errors[]`: which field (a JSON path such as `exclude[2]`, or a query
/// field such as `limit`) and a stable code.
///
/// Domain validation (`EdgeCore.FieldError`, whose codes are `ValidationCode`s) converts into this
/// one-to-one. The API needs its own type only because request syntax has codes the domain never
/// produces (`invalid-type`, `unknown-field`, `too-long`, `not-found`, …).
public struct FieldProblem: Sendable, Equatable, Codable {
    public let field: String
    public let code: String
    public let message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    public init(_ error: FieldError) {
        self.init(field: error.field, code: error.code.rawValue, message: error.message)
    }

    public init(field: String, code: ValidationCode, message: String) {
        self.init(field: field, code: code.rawValue, message: message)
    }
}

/// An error that knows which field code and message it stands for: what `ObjectReader.parse`
/// transforms throw to report a bad value with a specific code.
public protocol FieldErrorConvertible: Error {
    var fieldCode: String { get }
    var fieldMessage: String { get }
}

/// The usual `FieldErrorConvertible`: a code and a message.
public struct InvalidValue: FieldErrorConvertible, Sendable {
    public let fieldCode: String
    public let fieldMessage: String

    public init(_ code: ValidationCode, _ message: String) {
        fieldCode = code.rawValue
        fieldMessage = message
    }

    public init(code: String, _ message: String) {
        fieldCode = code
        fieldMessage = message
    }
}

extension FieldProblem {
    /// The same problem for a field of a nested object at `path` (`items[3]` + `eip` →
    /// `items[3].eip`).
    func under(_ path: String) -> FieldProblem {
        path.isEmpty ? self : FieldProblem(field: path + "." + field, code: code, message: message)
    }
}
