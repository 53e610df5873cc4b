import EdgeCore

/// An object using an EIP and where it stands with the reconciler: `used_by` of the EIP listing
/// (the seed's `oeip` READY column is the users' readiness).
public struct EIPUser: Hashable, Sendable {
    public let reference: ObjectReference
    public let phase: SyncPhase
}

extension Repository where Spec == EIPSpec {
    /// The objects using the EIP with their phases, gateways first.
    public func users(of id: UUID) throws -> [EIPUser] {
        try store.read { db in try EIPBehavior.users(of: id, in: db) }
    }
}

import Foundation
