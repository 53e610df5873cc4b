import Foundation

/// Keyset cursors: the last row's sequence number, prefixed so tokens of different lists are
/// not mixed up. Opaque to clients (the REST layer may wrap them further).
enum PageToken {
    static func make(_ scope: String, after seq: Int64) -> String { "\(scope).\(seq)" }

    static func parse(_ token: String?, scope: String) throws -> Int64 {
        guard let token else { return 0 }
        let parts = token.split(separator: ".")
        guard parts.count == 2, parts[0] == scope, let seq = Int64(parts[1]), seq >= 0 else {
            throw StoreError.invalidPageToken(token)
        }
        return seq
    }

    static func clamp(_ limit: Int) -> Int { min(max(limit, 1), ListQuery.maximumLimit) }
}
