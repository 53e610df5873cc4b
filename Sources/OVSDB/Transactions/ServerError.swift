/// An error object from the server: `{"error": …, "details": …, "syntax": …}` (or a bare string).
public struct ServerError: Error, Sendable, Hashable, CustomStringConvertible {
    public var kind: ErrorKind
    /// The raw `error` string.
    public var error: String
    public var details: String?
    public var syntax: String?

    public init(error: String, details: String? = nil, syntax: String? = nil) {
        self.kind = ErrorKind(error)
        self.error = error
        self.details = details
        self.syntax = syntax
    }

    init(json: JSON) {
        if let text = json.stringValue {
            self.init(error: text)
        } else {
            self.init(error: json["error"]?.stringValue ?? json.text,
                      details: json["details"]?.stringValue, syntax: json["syntax"]?.stringValue)
        }
    }

    public var description: String { details.map { "\(error): \($0)" } ?? error }
}
