import HTTPTypes

/// The class of a route, which decides who may call it.
enum Access: String, Sendable {
    /// No token needed: health, readiness, metrics and the spec.
    case open
    /// Any valid token (viewer and up).
    case read
    /// Writes of EIPs, FIPs, SNAT/DNAT rules, router and node gateways and mirrors (operator and up).
    case operate
    /// Writes of external networks (admin).
    case administer

    static let openPaths: Set<String> = ["/healthz", "/readyz", "/metrics", "/openapi.yaml"]

    /// The class of `method` on `pattern` (as registered, `/v1/eips/{id}`).
    static func of(_ method: HTTPRequest.Method, _ pattern: String) -> Access {
        if openPaths.contains(pattern) { return .open }
        if method == .get || method == .head { return .read }
        if pattern.hasPrefix("/v1/external-networks") { return .administer }
        return .operate
    }

    /// The least role the class needs (nil: none).
    var requiredRole: Role? {
        switch self {
        case .open: nil
        case .read: .viewer
        case .operate: .operator
        case .administer: .admin
        }
    }
}
