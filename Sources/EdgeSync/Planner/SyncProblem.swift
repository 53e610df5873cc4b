import EdgeCore
import Foundation
import OVSDB

/// Why an object cannot be made to match NB right now. Each becomes the object's `error`
/// status; all but `rejected` clear by themselves once NB or the store changes.
enum SyncProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case routerNotFound(String)
    case routerAmbiguous(String, [UUID])
    case switchNotFound(String)
    case switchAmbiguous(String, [UUID])
    case portNotFound(String)
    case portHasNoMAC(String)
    /// A row ovn-edge does not own is in the way.
    case conflict(table: String, uuid: UUID, detail: String)
    /// A referenced store object (EIP, network) is missing.
    case missingObject(ResourceKind, UUID?)
    /// The EIP has no address of the family the rule needs.
    case noAddress(eip: UUID, family: IPFamily)
    /// ovsdb-server refused the object's operations.
    case rejected(String)

    var description: String { message }

    var message: String {
        switch self {
        case .routerNotFound(let name): return "logical router \(name) not found in NB"
        case .routerAmbiguous(let name, let uuids):
            return "logical router name \(name) is ambiguous (\(uuids.map(\.ovsdbString).sorted().joined(separator: ", "))); use its uuid"
        case .switchNotFound(let name): return "logical switch \(name) not found in NB"
        case .switchAmbiguous(let name, let uuids):
            return "logical switch name \(name) is ambiguous (\(uuids.map(\.ovsdbString).sorted().joined(separator: ", ")))"
        case .portNotFound(let name): return "logical switch port \(name) not found in NB"
        case .portHasNoMAC(let name): return "logical switch port \(name) has no MAC address in NB"
        case .conflict(let table, let uuid, let detail):
            return "conflicts with \(table) row \(uuid.ovsdbString): \(detail)"
        case .missingObject(let kind, let id): return "\(kind.rawValue) \(id.map { $0.uuidString.lowercased() } ?? "?") not found"
        case .noAddress(let eip, let family): return "EIP \(eip.uuidString.lowercased()) has no \(family.rawValue) address"
        case .rejected(let text): return "NB rejected the change: \(text)"
        }
    }

    /// The condition `reason` (CamelCase, stable).
    var reason: String {
        switch self {
        case .routerNotFound: return "RouterNotFound"
        case .routerAmbiguous: return "RouterAmbiguous"
        case .switchNotFound: return "SwitchNotFound"
        case .switchAmbiguous: return "SwitchAmbiguous"
        case .portNotFound: return "PortNotFound"
        case .portHasNoMAC: return "PortHasNoMAC"
        case .conflict: return "ConflictingRow"
        case .missingObject: return "MissingObject"
        case .noAddress: return "NoAddress"
        case .rejected: return "Rejected"
        }
    }
}
