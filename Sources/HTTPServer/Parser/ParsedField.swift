/// One header or trailer field line as received: the name keeps its case, the value is trimmed of
/// surrounding whitespace.
public struct ParsedField: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
