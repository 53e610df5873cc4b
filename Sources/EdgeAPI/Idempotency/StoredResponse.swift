import Foundation
import HTTPServer
import HTTPTypes

/// The first response to an `Idempotency-Key`, as kept in the store and replayed: status, the
/// headers a client relies on, and the body.
struct StoredResponse: Codable {
    static let keptHeaders: [HTTPField.Name] = [.contentType, .location, .eTag]

    let status: Int
    let headers: [String: String]
    let body: Data

    init(_ response: Response) {
        status = response.status.code
        var headers: [String: String] = [:]
        for name in Self.keptHeaders { if let value = response.headerFields[name] { headers[name.rawName] = value } }
        self.headers = headers
        body = Data(response.bodyBytes ?? [])
    }

    var response: Response {
        var fields = HTTPFields()
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        fields[.idempotencyReplayed] = "true"
        return Response(status: .withReason(status), headerFields: fields, body: .bytes(Array(body)))
    }
}
