/// Who asked for a change; stored in every change-log row the change writes.
public struct ChangeContext: Hashable, Sendable {
    /// Token name / user, "system" for the service itself, "reconciler" for status write-back.
    public var actor: String?
    /// The `X-Request-ID` of the API call.
    public var requestID: String?

    public init(actor: String? = nil, requestID: String? = nil) {
        self.actor = actor
        self.requestID = requestID
    }

    public static let system = ChangeContext(actor: "system")
    public static let reconciler = ChangeContext(actor: "reconciler")
}
