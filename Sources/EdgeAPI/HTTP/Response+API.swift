import HTTPServer
import HTTPTypes

extension Response {
    /// A JSON body built by hand (member order as the spec shows it).
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headerFields: HTTPFields = [:]) -> Response {
        var fields = headerFields
        fields[.contentType] = "application/json"
        return Response(status: status, headerFields: fields, body: .bytes(JSONWriter.bytes(value)))
    }

    /// An RFC 9457 problem naming the request path and id.
    static func problem(_ problem: Problem, request: Request, context: RequestContext) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = Problem.contentType
        return Response(
            status: .withReason(problem.status), headerFields: fields,
            body: .bytes(problem.body(instance: request.path, requestID: context.requestID))
        )
    }
}

extension HTTPField.Name {
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    /// Set on a response replayed for a repeated `Idempotency-Key`.
    static let idempotencyReplayed = HTTPField.Name("Idempotency-Replayed")!
}

extension HTTPResponse.Status {
    /// The status with its standard reason phrase (`HTTPResponse.Status(code:)` leaves it empty).
    static func withReason(_ code: Int) -> HTTPResponse.Status {
        let known: [HTTPResponse.Status] = [
            .ok, .created, .accepted, .noContent, .notModified, .badRequest, .unauthorized, .forbidden, .notFound, .methodNotAllowed,
            .conflict, .preconditionFailed, .contentTooLarge, .unsupportedMediaType, .unprocessableContent, .tooManyRequests,
            .internalServerError, .serviceUnavailable,
        ]
        return known.first { $0.code == code } ?? HTTPResponse.Status(code: code)
    }
}
