/// The kind-specific desired state of a resource.
public protocol ResourceSpec: Hashable, Sendable, Codable {
    static var kind: ResourceKind { get }
    /// Checks that need no other object (syntax, ranges, field combinations). Checks against
    /// other objects (network CIDRs, uniqueness, references) happen in the store's transaction.
    func validate() -> [FieldError]
    /// Kinds whose objects must have a name (external networks, mirrors).
    static var requiresName: Bool { get }
}

extension ResourceSpec {
    public static var requiresName: Bool { false }
}
