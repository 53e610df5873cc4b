import Foundation
import HTTPTypes

extension Response {
    /// Encodes `value` with `encoder` (default: a plain `JSONEncoder`) as `application/json`.
    public static func json<Value: Encodable>(
        _ value: Value, status: HTTPResponse.Status = .ok, headerFields: HTTPFields = [:],
        contentType: String = "application/json", encoder: JSONEncoder = JSONEncoder()
    ) throws -> Response {
        var fields = headerFields
        fields[.contentType] = contentType
        return Response(status: status, headerFields: fields, body: .bytes(Array(try encoder.encode(value))))
    }
}
