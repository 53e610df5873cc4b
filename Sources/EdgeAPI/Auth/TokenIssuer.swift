import EdgeStore

/// Creates tokens for the command line (`ovn-edge token create`) and the first start: a random
/// secret, of which only the hash is stored.
public enum TokenIssuer {
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case randomGeneratorFailed
        case invalidName(String)
        case invalidProject(String)

        public var description: String {
            switch self {
            case .randomGeneratorFailed: "OpenSSL's random generator failed"
            case .invalidName(let name): "token name \(String(reflecting: name)) must be 1 to 100 characters without spaces"
            case .invalidProject(let project): "project \(String(reflecting: project)) must be 1 to 1000 characters"
            }
        }
    }

    /// Stores a new token and returns it with the bearer value, which is never shown again.
    /// Without a name the token is called `<role>-<id>`.
    public static func issue(_ store: Store, role: Role, project: String?, name: String?) throws -> (record: TokenRecord, bearer: String) {
        guard let secret = TokenSecret.generate() else { throw Failure.randomGeneratorFailed }
        let name = name ?? "\(role.rawValue)-\(secret.id)"
        guard (1...100).contains(name.count), !name.contains(where: { $0.isWhitespace }) else { throw Failure.invalidName(name) }
        if let project, !(1...1000).contains(project.count) { throw Failure.invalidProject(project) }
        let record = try store.tokens.create(id: secret.id, name: name, role: role.rawValue, project: project, secretHash: secret.hash)
        return (record, secret.bearer)
    }
}
