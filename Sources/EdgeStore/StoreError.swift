import EdgeCore
import Foundation

/// What a store operation can fail with. `code` is stable; the REST layer maps it to
/// problem+json (`validation` carries per-field errors).
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A referenced object does not exist. `field` is the request field that named it
    /// (`network`, `eip`), nil when the object addressed by the URL is missing.
    case notFound(kind: ResourceKind, reference: String, field: String?)
    /// The object cannot be deleted (or changed) while these objects use it.
    case inUse(ObjectReference, usedBy: [ObjectReference])
    /// The EIP's usage does not allow this use (a NAT rule on a gateway EIP, a gateway on an EIP
    /// of the other gateway usage). `required` is the usage the request needs.
    case eipUsageMismatch(ObjectReference, usage: EIPUsage, required: EIPUsage)
    /// A gateway was given an EIP that other objects use already (a gateway needs its own).
    case eipBound(ObjectReference, usedBy: [ObjectReference])
    /// The network has no free address left in this family.
    case poolExhausted(network: UUID, family: IPFamily)
    /// The requested address (or MAC) is held by another EIP. `field` is `ip_v4`, `ip_v6` or `mac`.
    case addressInUse(field: String, address: String, network: UUID)
    /// Another object of the kind already has this value; `fields` are the API field names.
    case uniqueViolation(kind: ResourceKind, fields: [String], value: String?)
    /// The request is malformed or contradicts stored state, per field.
    case validation(ValidationFailure)
    /// `If-Match` said one revision, the object is at another.
    case revisionMismatch(expected: Int64, actual: Int64)
    /// The object is being deleted; it cannot be changed any more.
    case deleting(ObjectReference)
    /// A list page token this store did not issue.
    case invalidPageToken(String)
    /// A list filter the kind does not have.
    case unsupportedFilter(kind: ResourceKind, field: String)
    /// The same idempotency key was used with a different request body.
    case idempotencyKeyReused(key: String)
    /// The database was migrated by a newer ovn-edge: it knows migrations this binary does not.
    case databaseNewerThanBinary(unknownMigrations: [String], binaryLatest: String?)
    /// The database has not been migrated to this binary's schema yet.
    case migrationRequired(pending: [String])
    /// SQLite failed in a way that is not the caller's fault.
    case database(String)

    public var code: String {
        switch self {
        case .notFound: "not-found"
        case .inUse(let object, _): object.kind == .eip ? "eip-in-use" : "in-use"
        case .eipUsageMismatch: "eip-usage-mismatch"
        case .eipBound: "eip-already-bound"
        case .poolExhausted: "pool-exhausted"
        case .addressInUse: "ip-in-use"
        case .uniqueViolation: "already-exists"
        case .validation: "validation-failed"
        case .revisionMismatch: "revision-mismatch"
        case .deleting: "object-deleting"
        case .invalidPageToken: "invalid-page-token"
        case .unsupportedFilter: "unsupported-filter"
        case .idempotencyKeyReused: "idempotency-key-reused"
        case .databaseNewerThanBinary: "database-newer-than-binary"
        case .migrationRequired: "migration-required"
        case .database: "database-error"
        }
    }

    public var description: String {
        switch self {
        case .notFound(let kind, let reference, let field):
            "\(kind.rawValue) \(reference) not found" + (field.map { " (field \($0))" } ?? "")
        case .inUse(let object, let users):
            "\(object) is in use by \(users.map(\.description).joined(separator: ", "))"
        case .eipUsageMismatch(let eip, let usage, let required):
            "\(eip) has usage \(usage.rawValue); this needs an EIP of usage \(required.rawValue)"
        case .eipBound(let eip, let users):
            "\(eip) is used by \(users.map(\.description).joined(separator: ", ")); a gateway needs an EIP of its own"
        case .poolExhausted(let network, let family):
            "external network \(network.uuidString.lowercased()) has no free \(family.rawValue) address"
        case .addressInUse(let field, let address, _):
            "\(address) (\(field)) is already allocated"
        case .uniqueViolation(let kind, let fields, let value):
            "a \(kind.rawValue) with this \(fields.joined(separator: ", "))" + (value.map { " (\($0))" } ?? "") + " already exists"
        case .validation(let failure):
            "invalid request: \(failure)"
        case .revisionMismatch(let expected, let actual):
            "revision is \(actual), not \(expected)"
        case .deleting(let object):
            "\(object) is being deleted"
        case .invalidPageToken(let token):
            "invalid page token \(token)"
        case .unsupportedFilter(let kind, let field):
            "\(kind.rawValue) lists cannot be filtered by \(field)"
        case .idempotencyKeyReused(let key):
            "idempotency key \(key) was used with a different request"
        case .databaseNewerThanBinary(let unknown, let latest):
            "the database has migrations this ovn-edge does not know (\(unknown.joined(separator: ", "))); "
                + "its newest is \(latest ?? "none"). Use a newer ovn-edge binary."
        case .migrationRequired(let pending):
            "the database needs migrations \(pending.joined(separator: ", ")); run `ovn-edge migrate`"
        case .database(let message):
            "database error: \(message)"
        }
    }
}
