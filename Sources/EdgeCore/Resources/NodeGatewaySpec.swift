import Foundation

/// A node's port on an external network (Kube-OVN's `node-ext-gw` EIP): a plain VIF
/// `Logical_Switch_Port` on the network's switch, named after the node, with the EIP's MAC and
/// addresses (`addresses = ["<mac> <ip>"]`, as the seed's `port kube-ovn-worker`). Without `eip`
/// the store allocates one for the gateway and releases it with it. Everything but name and
/// labels is fixed after creation.
public struct NodeGatewaySpec: ResourceSpec {
    public static let kind = ResourceKind.nodeGateway

    /// The node (chassis host) the port is for.
    public var node: String
    public var network: ResourceReference
    public var eip: ResourceReference?
    /// The NB Logical_Switch_Port name; nil on create = the node's name. LSP names are unique in
    /// all of NB, so a node with ports on two networks needs another name for the second.
    public var port: String?

    enum CodingKeys: String, CodingKey {
        case node, network, eip, port
    }

    public init(node: String, network: ResourceReference, eip: ResourceReference? = nil, port: String? = nil) {
        self.node = node
        self.network = network
        self.eip = eip
        self.port = port
    }

    /// The LSP name the gateway gets.
    public var portName: String { port ?? node }

    public func validate() -> [FieldError] {
        var report = ValidationReport()
        if let problem = Self.portNameProblem(node) { report.add("node", .invalidName, problem) }
        if let port, let problem = Self.portNameProblem(port) { report.add("port", .invalidName, problem) }
        return report.errors
    }

    /// Node and port names: 1–253 of `A-Z a-z 0-9 . _ -`, starting and ending with a letter or
    /// digit (a Kubernetes node name fits), and not UUID-shaped (NB tools read those as row ids).
    public static func portNameProblem(_ name: String) -> String? {
        if name.isEmpty || name.utf8.count > 253 { return "must be 1 to 253 characters" }
        guard name.unicodeScalars.allSatisfy({ allowed.contains($0) }) else {
            return "may contain only letters, digits, '.', '_' and '-'"
        }
        guard let first = name.unicodeScalars.first, let last = name.unicodeScalars.last,
              alphanumerics.contains(first), alphanumerics.contains(last) else {
            return "must start and end with a letter or digit"
        }
        if UUID(uuidString: name) != nil { return "must not be a UUID" }
        return nil
    }

    private static let alphanumerics = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    private static let allowed = alphanumerics.union(CharacterSet(charactersIn: "._-"))
}
