import HTTPTypes

extension Response {
    /// `text/plain; charset=utf-8`.
    public static func text(_ text: String, status: HTTPResponse.Status = .ok, headerFields: HTTPFields = [:]) -> Response {
        var fields = headerFields
        if fields[.contentType] == nil { fields[.contentType] = "text/plain; charset=utf-8" }
        return Response(status: status, headerFields: fields, body: .bytes(Array(text.utf8)))
    }

    /// An empty response with just a status (204, 404 …).
    public static func status(_ status: HTTPResponse.Status, headerFields: HTTPFields = [:]) -> Response {
        Response(status: status, headerFields: headerFields)
    }
}
