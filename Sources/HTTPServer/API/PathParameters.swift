/// Values captured by `{name}` segments of a route pattern, percent-decoded.
public struct PathParameters: Sendable, Hashable {
    var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    public subscript(name: String) -> String? { values[name] }

    public var names: [String] { values.keys.sorted() }
}
