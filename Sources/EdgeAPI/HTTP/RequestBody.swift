import HTTPServer

/// Checks that a write carries JSON and opens it for field-by-field reading.
enum RequestBody {
    static func reader(_ request: Request, allowMergePatch: Bool = false) throws(Problem) -> ObjectReader {
        if let type = request.header(.contentType) {
            let mediaType = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            let accepted = mediaType == "application/json" || (allowMergePatch && mediaType == "application/merge-patch+json")
            guard accepted else {
                throw Problem(status: 415, code: .unsupportedMediaType, title: "Unsupported media type",
                              detail: "send the body as application/json\(allowMergePatch ? " or application/merge-patch+json" : "") (got \(mediaType))")
            }
        }
        guard !request.body.isEmpty else { throw Problem.malformedJSON("the body is empty; a JSON object is required") }
        return try ObjectReader(body: request.body)
    }
}

import Foundation
