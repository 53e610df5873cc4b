import HTTPServer

/// The request context slot the auth middleware fills.
enum PrincipalKey: RequestContextKey {
    typealias Value = Principal
}
