/// One `name=value` pair of a query string, percent-decoded (`+` decodes to a space).
public struct QueryItem: Sendable, Hashable {
    public var name: String
    /// Nil when the item had no `=` (`?verbose`).
    public var value: String?

    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }
}
