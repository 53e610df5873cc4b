/// Why a token could not be created or revoked.
public enum TokenStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case nameTaken(String)
    case notFound(String)

    public var description: String {
        switch self {
        case .nameTaken(let name): "a token named \(name) exists already"
        case .notFound(let reference): "no token \(reference)"
        }
    }
}
