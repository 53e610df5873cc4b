import HTTPServer

/// Checks that a write carries JSON and opens it for field-by-field reading.
enum RequestBody {
    static func reader(_ request: Request, allowMergePatch: Bool = false) throws(Problem) -> ObjectReader {
        if let type = request.header(.contentType) {
            let mediaType = Self.mediaType(type)
            let accepted = mediaType == "application/json" || (allowMergePatch && mediaType == "application/merge-patch+json")
            guard accepted else {
                throw Problem(status: 415, code: .unsupportedMediaType, title: "Unsupported media type",
                              detail: "send the body as application/json\(allowMergePatch ? " or application/merge-patch+json" : "") (got \(mediaType))")
            }
        }
        guard !request.body.isEmpty else { throw Problem.malformedJSON("the body is empty; a JSON object is required") }
        return try ObjectReader(body: request.body)
    }

    /// A `Content-Type` value's media type: before any parameter, without surrounding spaces
    /// and tabs, lowercased. By bytes: Foundation's `trimmingCharacters` bridged through
    /// NSString on every write request (~1 % of serve's samples under `POST /v1/fips`).
    static func mediaType(_ value: String) -> String {
        var type = value.utf8.prefix { $0 != UInt8(ascii: ";") }
        while let first = type.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { type = type.dropFirst() }
        while let last = type.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { type = type.dropLast() }
        return Substring(type).lowercased()
    }
}

