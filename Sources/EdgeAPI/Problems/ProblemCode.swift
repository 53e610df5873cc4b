/// The stable, machine-readable codes of problem+json responses. Clients branch on these, so a
/// code never changes meaning once released. openapi/openapi.yaml lists them per status.
public enum ProblemCode: String, Sendable, CaseIterable {
    // 400
    case malformedJSON = "malformed-json"
    case invalidQuery = "invalid-query"
    case invalidPageToken = "invalid-page-token"
    case invalidHeader = "invalid-header"
    // 401/403
    case authenticationRequired = "authentication-required"
    case invalidToken = "invalid-token"
    case tokenRevoked = "token-revoked"
    case forbidden = "forbidden"
    case projectForbidden = "project-forbidden"
    // 404
    case notFound = "not-found"
    case referenceNotFound = "reference-not-found"
    // 409
    case nameTaken = "name-taken"
    case ipInUse = "ip-in-use"
    case macInUse = "mac-in-use"
    case poolExhausted = "pool-exhausted"
    case eipInUse = "eip-in-use"
    case eipAlreadyBound = "eip-already-bound"
    case eipUsageMismatch = "eip-usage-mismatch"
    case networkInUse = "network-in-use"
    case gatewayExists = "gateway-exists"
    case nodeGatewayExists = "node-gateway-exists"
    case portTaken = "port-taken"
    case snatDuplicate = "snat-duplicate"
    case dnatPortConflict = "dnat-port-conflict"
    case alreadyExists = "already-exists"
    case objectDeleting = "object-deleting"
    case idempotencyKeyInFlight = "idempotency-key-in-flight"
    // 412/415/422
    case etagMismatch = "etag-mismatch"
    case unsupportedMediaType = "unsupported-media-type"
    case validationFailed = "validation-failed"
    case idempotencyKeyReused = "idempotency-key-reused"
    // 429
    case rateLimited = "rate-limited"
    // 5xx
    case internalError = "internal-error"
    case notReady = "not-ready"
}
