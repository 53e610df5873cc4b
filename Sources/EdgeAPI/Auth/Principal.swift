/// Who sends a request: the token that authenticated it, or the local caller when the service
/// runs with `--no-auth`.
public struct Principal: Sendable, Hashable {
    /// The token id; "" for the local caller.
    public let tokenID: String
    /// The token name: the change log's actor.
    public let name: String
    public let role: Role
    /// nil: every project.
    public let project: String?

    public init(tokenID: String, name: String, role: Role, project: String?) {
        self.tokenID = tokenID
        self.name = name
        self.role = role
        self.project = project
    }

    /// Without authentication every caller is an unscoped admin recorded as "anonymous".
    public static let local = Principal(tokenID: "", name: "anonymous", role: .admin, project: nil)

    /// Whether an object of `project` is visible to this principal.
    func sees(project objectProject: String) -> Bool { project.map { $0 == objectProject } ?? true }
}
