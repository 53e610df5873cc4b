/// The stable, machine-readable codes of problem+json responses. Clients branch on these, so a
/// code never changes meaning once released.
public enum ProblemCode: String, Sendable, CaseIterable {
    // 400
    case malformedJSON = "malformed-json"
    case invalidQuery = "invalid-query"
    case invalidPageToken = "invalid-page-token"
    case invalidHeader = "invalid-header"
    // 401/403/404/405
    case unauthorized
    case forbidden
    case notFound = "not-found"
    case referenceNotFound = "reference-not-found"
    case methodNotAllowed = "method-not-allowed"
    // 409
    case nameTaken = "name-taken"
    case ipInUse = "ip-in-use"
    case macInUse = "mac-in-use"
    case poolExhausted = "pool-exhausted"
    case eipInUse = "eip-in-use"
    case eipAlreadyBound = "eip-already-bound"
    case networkInUse = "network-in-use"
    case snatDuplicate = "snat-duplicate"
    case dnatPortConflict = "dnat-port-conflict"
    case excludedAddressInUse = "excluded-address-in-use"
    case mirrorInUse = "mirror-in-use"
    // 412/413/415/422/429
    case etagMismatch = "etag-mismatch"
    case payloadTooLarge = "payload-too-large"
    case unsupportedMediaType = "unsupported-media-type"
    case validationFailed = "validation-failed"
    case idempotencyKeyReused = "idempotency-key-reused"
    case rateLimited = "rate-limited"
    // 5xx
    case internalError = "internal-error"
    case notReady = "not-ready"
}
