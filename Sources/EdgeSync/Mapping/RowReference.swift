import Foundation

/// A set column of a parent row that must hold (or holds) a reference to a row:
/// `Logical_Router <uuid> .nat`, `Logical_Switch_Port <uuid> .mirror_rules`, …
struct RowReference: Hashable, Sendable {
    var table: String
    var uuid: UUID
    var column: String

    /// The parent columns ovn-edge adds its rows to, and therefore watches and cleans up.
    static let managedColumns: [(table: String, column: String)] = [
        ("Logical_Router", "nat"), ("Logical_Router", "load_balancer"), ("Logical_Router", "ports"),
        ("Logical_Router", "static_routes"), ("Logical_Switch", "ports"),
        ("Logical_Router_Port", "gateway_chassis"), ("Logical_Switch_Port", "mirror_rules"),
    ]
}
