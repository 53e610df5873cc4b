import EdgeCore
import HTTPServer

/// ETags of resources: `"<revision>.<status digest>"`.
///
/// The revision part moves with every spec change and is what `If-Match` compares, so a write
/// based on a read stays valid while the reconciler only updates `status`. The status digest
/// makes `If-None-Match` see status changes too, so a poller gets 200 (not 304) when an object
/// becomes ready.
enum EntityTag {
    static func of<Spec>(_ resource: Resource<Spec>) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        let status = resource.status
        let text = "\(status.phase.rawValue)|\(status.observedRevision)|\(status.message ?? "")|"
            + status.conditions.map { "\($0.type)=\($0.status.rawValue):\($0.reason ?? ""):\($0.message ?? "")" }.joined(separator: ",")
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        let digest = String(hash & 0xffff_ffff, radix: 16)
        return "\"\(resource.revision).\(String(repeating: "0", count: 8 - digest.count))\(digest)\""
    }

    /// What `If-Match` asks for: nil when absent or `*`; otherwise the revisions its strong tags
    /// name (empty when none is one of ours, which matches nothing).
    static func ifMatchRevisions(_ request: Request) -> [Int64]? {
        guard let header = request.header(.ifMatch) else { return nil }
        let tags = list(header)
        if tags.contains("*") { return nil }
        return tags.compactMap { tag in
            guard tag.hasPrefix("\""), tag.hasSuffix("\""), tag.count >= 2 else { return nil }
            let inner = tag.dropFirst().dropLast()
            return Int64(inner.split(separator: ".", maxSplits: 1).first ?? "")
        }
    }

    /// Whether `If-None-Match` matches `tag` (weak comparison, RFC 9110 §13.1.2).
    static func ifNoneMatch(_ request: Request, matches tag: String) -> Bool {
        guard let header = request.header(.ifNoneMatch) else { return false }
        return list(header).contains { $0 == "*" || strip($0) == strip(tag) }
    }

    private static func list(_ header: String) -> [String] {
        header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func strip(_ tag: String) -> String { tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag }
}

import Foundation
