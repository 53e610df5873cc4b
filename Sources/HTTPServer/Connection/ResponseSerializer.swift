import HTTPTypes

/// Writes a status line and header section; the server owns the framing fields.
enum ResponseSerializer {
    /// Fields the server sets itself; values a handler put there are dropped.
    static let reserved: Set<String> = ["content-length", "transfer-encoding", "connection", "date", "x-request-id", "keep-alive"]

    static func head(
        status: HTTPResponse.Status, fields: HTTPFields, framing: ResponseFraming, date: String, requestID: String,
        connection: String?, extraCapacity: Int = 0
    ) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(256 + extraCapacity)
        out.append(contentsOf: "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n".utf8)
        for field in fields where !reserved.contains(field.name.canonicalName) {
            out.append(contentsOf: field.name.rawName.utf8)
            out.append(contentsOf: ": ".utf8)
            out.append(contentsOf: field.value.utf8)
            out.append(contentsOf: "\r\n".utf8)
        }
        out.append(contentsOf: "Date: \(date)\r\nX-Request-ID: \(requestID)\r\n".utf8)
        switch framing {
        case .noBody, .untilClose: break
        case .contentLength(let length): out.append(contentsOf: "Content-Length: \(length)\r\n".utf8)
        case .chunked: out.append(contentsOf: "Transfer-Encoding: chunked\r\n".utf8)
        }
        if let connection { out.append(contentsOf: "Connection: \(connection)\r\n".utf8) }
        out.append(contentsOf: "\r\n".utf8)
        return out
    }

    static func chunk(_ bytes: [UInt8]) -> [UInt8] {
        var out = Array(String(bytes.count, radix: 16).utf8)
        out.reserveCapacity(out.count + bytes.count + 4)
        out.append(contentsOf: "\r\n".utf8)
        out.append(contentsOf: bytes)
        out.append(contentsOf: "\r\n".utf8)
        return out
    }

    static let lastChunk = Array("0\r\n\r\n".utf8)
    static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    static func framing(for status: HTTPResponse.Status, bodyCount: Int) -> ResponseFraming {
        status.code < 200 || status.code == 204 || status.code == 304 ? .noBody : .contentLength(bodyCount)
    }
}
