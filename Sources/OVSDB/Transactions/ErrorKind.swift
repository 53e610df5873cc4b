/// The `error` strings ovsdb-server 3.1 uses (RFC 7047 plus Open vSwitch additions), in one
/// enum for op errors, commit errors and JSON-RPC errors.
public enum ErrorKind: Sendable, Hashable {
    case referentialIntegrityViolation
    case constraintViolation
    case resourcesExhausted
    case ioError
    case duplicateUUIDName
    case duplicateUUID
    case domainError
    case rangeError
    /// A failed `wait` (also the result of an unmet `wait` precondition: retry after the cache moved).
    case timedOut
    case notSupported
    case aborted
    /// `assert` on a lock this session does not hold.
    case notOwner
    case syntaxError
    case unknownColumn
    case unknownDatabase
    case unknownMethod
    case internalError
    case ovsdbError
    case permissionError
    case notAllowed
    case databaseNotAvailable
    case canceled
    case notLeader
    case other(String)

    public init(_ text: String) {
        switch text {
        case "referential integrity violation": self = .referentialIntegrityViolation
        case "constraint violation": self = .constraintViolation
        case "resources exhausted": self = .resourcesExhausted
        case "I/O error": self = .ioError
        case "duplicate uuid-name": self = .duplicateUUIDName
        case "duplicate uuid": self = .duplicateUUID
        case "domain error": self = .domainError
        case "range error": self = .rangeError
        case "timed out": self = .timedOut
        case "not supported": self = .notSupported
        case "aborted": self = .aborted
        case "not owner": self = .notOwner
        case "syntax error": self = .syntaxError
        case "unknown column": self = .unknownColumn
        case "unknown database": self = .unknownDatabase
        case "unknown method": self = .unknownMethod
        case "internal error": self = .internalError
        case "ovsdb error": self = .ovsdbError
        case "permission error": self = .permissionError
        case "not allowed": self = .notAllowed
        case "database not available": self = .databaseNotAvailable
        case "canceled": self = .canceled
        case "not leader": self = .notLeader
        default: self = .other(text)
        }
    }
}
