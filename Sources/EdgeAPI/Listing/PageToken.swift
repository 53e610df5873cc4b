import Foundation

/// The opaque `page_token` of list responses: the store's keyset cursor bound to the filters it
/// was issued for, so a token cannot be replayed against another query.
public struct PageToken: Sendable, Equatable {
    /// The store's own cursor (opaque here too).
    public let cursor: String
    public let querySignature: UInt64

    public init(cursor: String, querySignature: UInt64) {
        self.cursor = cursor
        self.querySignature = querySignature
    }

    public var encoded: String {
        let text = "v1:\(String(querySignature, radix: 16)):\(cursor)"
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes a token, checking it belongs to a query with `signature`.
    public static func decode(_ token: String, expecting signature: UInt64) throws(Problem) -> PageToken {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard token.count <= 256,
              let data = Data(base64Encoded: base64),
              let text = String(data: data, encoding: .utf8)
        else { throw invalid("is not a page token of this service") }
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "v1", let querySignature = UInt64(parts[1], radix: 16), !parts[2].isEmpty
        else { throw invalid("is not a page token of this service") }
        guard querySignature == signature else { throw invalid("was issued for a list with other filters") }
        return PageToken(cursor: String(parts[2]), querySignature: querySignature)
    }

    /// A stable FNV-1a hash of the filters (sorted name=value pairs), independent of the order
    /// the client wrote them in; `limit` is not part of it.
    public static func signature(of filters: [String: String]) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for (key, value) in filters.sorted(by: { $0.key < $1.key }) {
            for byte in "\(key)=\(value)\u{0}".utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100000001b3
            }
        }
        return hash
    }

    static func invalid(_ message: String) -> Problem {
        Problem(status: 400, code: .invalidPageToken, title: "Invalid page token", detail: "page_token \(message)",
                errors: [FieldProblem(field: "page_token", code: "invalid-page-token", message: message)])
    }
}
