/// What a token may do. Each role includes the ones before it:
///
/// - viewer: every read (GET) of the objects it can see;
/// - operator: also writes EIPs and rules (FIP, SNAT, DNAT, router gateways, mirrors);
/// - admin: also writes external networks (and manages tokens and sync, from the command line).
public enum Role: String, Sendable, CaseIterable, Comparable {
    case viewer
    case `operator`
    case admin

    var rank: Int {
        switch self {
        case .viewer: 0
        case .operator: 1
        case .admin: 2
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
