/// `/a/b/` → ["a", "b", ""]; `/` → []. A trailing slash is a distinct (empty) segment.
enum PathSegments {
    /// Scans the UTF-8 bytes for `/` (ASCII, so never inside a multi-byte character): splitting
    /// the `String` by `Character` ran grapheme breaking over every path, ~3 % of a cached GET.
    static func split(_ path: String) -> [String] {
        guard path != "/" else { return [] }
        let utf8 = path.utf8
        var parts: [String] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "/") {
                parts.append(String(decoding: utf8[start..<index], as: UTF8.self))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        parts.append(String(decoding: utf8[start..<utf8.endIndex], as: UTF8.self))
        if parts.first == "" { parts.removeFirst() }
        return parts
    }
}
