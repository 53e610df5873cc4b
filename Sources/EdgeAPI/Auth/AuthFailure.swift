/// Why a request was not let through; each is a problem with a stable code.
enum AuthFailure: Error, Hashable, Sendable {
    /// No `Authorization: Bearer …` (401 `authentication-required`).
    case missing
    /// Not one of our tokens, or a wrong secret (401 `invalid-token`).
    case invalid
    /// The token was revoked (401 `token-revoked`).
    case revoked
    /// The token's role may not do this (403 `forbidden`).
    case forbidden(role: Role, needed: Role)

    var problem: Problem {
        switch self {
        case .missing:
            Problem(status: 401, code: .authenticationRequired, title: "Authentication required",
                    detail: "send Authorization: Bearer <token>")
        case .invalid:
            Problem(status: 401, code: .invalidToken, title: "Invalid token", detail: "the bearer token is not valid")
        case .revoked:
            Problem(status: 401, code: .tokenRevoked, title: "Token revoked", detail: "the bearer token was revoked")
        case .forbidden(let role, let needed):
            Problem(status: 403, code: .forbidden, title: "Forbidden",
                    detail: "a \(role.rawValue) token may not do this; it needs the \(needed.rawValue) role")
        }
    }

    /// RFC 6750 §3: the challenge of a 401.
    var challenge: String? {
        switch self {
        case .missing: #"Bearer realm="ovn-edge""#
        case .invalid, .revoked: #"Bearer realm="ovn-edge", error="invalid_token""#
        case .forbidden: nil
        }
    }
}
