/// A typed slot in `RequestContext` for values middleware hands to handlers (the authenticated
/// principal, for instance). Declare `enum PrincipalKey: RequestContextKey { typealias Value = Principal }`.
public protocol RequestContextKey {
    associatedtype Value: Sendable
}
