extension Request {
    /// All query items in order, percent-decoded.
    public var queryItems: [QueryItem] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            if let equals = pair.firstIndex(of: "=") {
                return QueryItem(
                    name: PercentDecoding.decode(pair[..<equals], plusAsSpace: true),
                    value: PercentDecoding.decode(pair[pair.index(after: equals)...], plusAsSpace: true)
                )
            }
            return QueryItem(name: PercentDecoding.decode(pair, plusAsSpace: true), value: nil)
        }
    }

    /// The first value of a query item (`""` for a bare `?name`), nil when absent.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }.map { $0.value ?? "" }
    }

    /// Every value given for a repeated query item.
    public func queryValues(_ name: String) -> [String] {
        queryItems.filter { $0.name == name }.map { $0.value ?? "" }
    }
}
