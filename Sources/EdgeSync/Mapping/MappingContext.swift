import EdgeCore
import Foundation
import OVSDB

/// What every mapping reads: NB as it is, the other stored objects, and what the NB schema
/// supports.
struct MappingContext: Sendable {
    var view: NBView
    var desired: DesiredState
    /// NB accepts Mirror `filter=both` (7.0.4+); otherwise `both` takes two rows.
    var mirrorFilterBoth: Bool

    func eip(_ reference: ResourceReference) -> Result<EIPAddressing, SyncProblem> {
        guard let id = reference.id, let eip = desired.eips[id] else { return .failure(.missingObject(.eip, reference.id)) }
        return .success(eip)
    }

    func network(_ reference: ResourceReference) -> Result<ExternalNetwork, SyncProblem> {
        guard let id = reference.id, let network = desired.networks[id] else { return .failure(.missingObject(.externalNetwork, reference.id)) }
        return .success(network)
    }

    /// The EIP's address of `family`.
    func address(of eip: EIPAddressing, family: IPFamily) -> Result<String, SyncProblem> {
        switch family {
        case .v4: if let ip = eip.ipV4 { return .success(ip.description) }
        case .v6: if let ip = eip.ipV6 { return .success(ip.description) }
        }
        return .failure(.noAddress(eip: eip.id, family: family))
    }

    /// The Logical_Switch an external network uses: the named existing one, or the one
    /// ovn-edge creates under the network's name.
    static func switchName(of network: ExternalNetwork) -> String {
        network.spec.logicalSwitch ?? network.name ?? network.id.uuidString.lowercased()
    }

    /// `Ownership.externalIDs` as a column value, built directly (once per desired row).
    static func externalIDs(_ key: ObjectKey, _ revision: Int64, role: String) -> Value {
        .map([
            .string(Ownership.ownerKey): .string(Ownership.tag(key)),
            .string(Ownership.revisionKey): .string(String(revision)),
            .string(Ownership.roleKey): .string(role),
        ])
    }
}
