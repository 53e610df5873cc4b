import EdgeCore

/// The `used_by` filter of EIP lists: EIPs nothing uses, EIPs something uses, or EIPs an object
/// of one kind uses.
public enum EIPUserFilter: Hashable, Sendable, LosslessStringConvertible {
    /// `none` (not `.none`, which an optional would swallow).
    case unused
    /// `any`.
    case used
    case kind(ResourceKind)

    /// The kinds that use EIPs, in the order `used_by` lists them.
    public static let userKinds: [ResourceKind] = [.routerGateway, .nodeGateway, .floatingIP, .snatRule, .dnatRule]

    /// `none`, `any` or one of `userKinds`.
    public init?(_ text: String) {
        switch text {
        case "none": self = .unused
        case "any": self = .used
        default:
            guard let kind = ResourceKind(rawValue: text), Self.userKinds.contains(kind) else { return nil }
            self = .kind(kind)
        }
    }

    public var description: String {
        switch self {
        case .unused: "none"
        case .used: "any"
        case .kind(let kind): kind.rawValue
        }
    }
}
