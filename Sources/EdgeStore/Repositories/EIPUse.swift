import EdgeCore
import Foundation
import GRDB

/// Shared checks of the kinds that use an EIP (floating IPs, SNAT and DNAT rules).
enum EIPUse {
    /// Resolves the EIP reference and checks the EIP has an address of `family`.
    static func resolve(_ reference: ResourceReference, family: IPFamily, familyField: String, in scope: WriteScope) throws -> ResourceReference {
        let eip = try scope.resolve(reference, kind: .eip, field: "eip")
        let column = family == .v4 ? "ip_v4" : "ip_v6"
        let address = try String.fetchOne(scope.db, sql: "SELECT \(column) FROM eips WHERE id = ?", arguments: [eip.text])
        guard address != nil else {
            throw StoreError.validation(ValidationFailure(
                field: familyField, code: .familyMismatch, message: "the EIP has no \(family.rawValue) address"
            ))
        }
        return .id(eip)
    }
}
