/// `/a/b/` → ["a", "b", ""]; `/` → []. A trailing slash is a distinct (empty) segment.
enum PathSegments {
    static func split(_ path: String) -> [String] {
        guard path != "/" else { return [] }
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "" { parts.removeFirst() }
        return parts
    }
}
