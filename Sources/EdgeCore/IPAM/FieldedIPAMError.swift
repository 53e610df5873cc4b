/// An IPAM error and the request field it concerns (`ip_v4`, `ip_v6`, `mac`).
public struct FieldedIPAMError: Error, Hashable, Sendable {
    public let field: String
    public let error: IPAMError

    public init(field: String, error: IPAMError) {
        self.field = field
        self.error = error
    }
}
