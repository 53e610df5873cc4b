import EdgeCore
import Foundation

/// An RFC 9457 problem: every failed request is answered with one of these as
/// `application/problem+json`.
public struct Problem: Error, Sendable, Equatable {
    /// Who uses an object that cannot be deleted or reused.
    public struct User: Sendable, Equatable, Codable {
        public let kind: String
        public let id: String
        public let name: String?
        public init(kind: String, id: String, name: String? = nil) {
            self.kind = kind
            self.id = id
            self.name = name
        }

        public init(_ reference: ObjectReference) {
            self.init(kind: reference.kind.rawValue, id: reference.id.uuidString.lowercased(), name: reference.name)
        }
    }

    public let status: Int
    public let code: ProblemCode
    public let title: String
    public let detail: String?
    public let errors: [FieldProblem]
    public let usedBy: [User]

    public init(status: Int, code: ProblemCode, title: String, detail: String? = nil,
                errors: [FieldProblem] = [], usedBy: [User] = []) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.errors = errors
        self.usedBy = usedBy
    }

    public static let contentType = "application/problem+json"

    /// The wire form; `instance` is the request path, `requestID` the request's X-Request-ID.
    public func body(instance: String?, requestID: String?) -> [UInt8] {
        let wire = Wire(type: "urn:ovn-edge:problem:\(code.rawValue)", title: title, status: status,
                        detail: detail, instance: instance, code: code.rawValue, requestId: requestID,
                        errors: errors.isEmpty ? nil : errors, usedBy: usedBy.isEmpty ? nil : usedBy)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(wire)) ?? Data(#"{"status":500,"code":"internal-error"}"#.utf8))
    }

    private struct Wire: Encodable {
        let type: String
        let title: String
        let status: Int
        let detail: String?
        let instance: String?
        let code: String
        let requestId: String?
        let errors: [FieldProblem]?
        let usedBy: [User]?
    }
}

extension Problem {
    public static func malformedJSON(_ detail: String) -> Problem {
        Problem(status: 400, code: .malformedJSON, title: "The body is not valid JSON", detail: detail)
    }

    public static func validation(_ errors: [FieldProblem]) -> Problem {
        let detail = errors.count == 1 ? "\(errors[0].field): \(errors[0].message)" : "\(errors.count) fields are invalid"
        return Problem(status: 422, code: .validationFailed, title: "The request is invalid", detail: detail, errors: errors)
    }

    public static func validation(_ errors: [FieldError]) -> Problem {
        validation(errors.map(FieldProblem.init))
    }

    public static func notFound(_ kind: String, _ reference: String) -> Problem {
        Problem(status: 404, code: .notFound, title: "Not found", detail: "no \(kind) '\(reference)'")
    }

    /// A reference inside the body (e.g. `eip`) names nothing; the field says which one.
    public static func referenceNotFound(field: String, kind: String, reference: String) -> Problem {
        Problem(status: 404, code: .referenceNotFound, title: "A referenced object does not exist",
                detail: "\(field): no \(kind) '\(reference)'",
                errors: [FieldProblem(field: field, code: "not-found", message: "no \(kind) '\(reference)'")])
    }

    public static func invalidQuery(_ field: String, _ message: String, code: String = "invalid-value") -> Problem {
        invalidQuery([FieldProblem(field: field, code: code, message: message)])
    }

    public static func invalidHeader(_ name: String, _ message: String) -> Problem {
        Problem(status: 400, code: .invalidHeader, title: "Invalid header", detail: "\(name): \(message)",
                errors: [FieldProblem(field: name, code: "invalid-header", message: message)])
    }

    public static func internalError(_ detail: String) -> Problem {
        Problem(status: 500, code: .internalError, title: "Internal error", detail: detail)
    }

    public static func invalidQuery(_ errors: [FieldProblem]) -> Problem {
        Problem(status: 400, code: .invalidQuery, title: "Invalid query parameters",
                detail: errors.map { "\($0.field): \($0.message)" }.joined(separator: "; "), errors: errors)
    }
}
