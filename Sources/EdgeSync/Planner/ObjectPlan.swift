import EdgeCore
import Foundation
import OVSDB

/// What one object needs this pass.
struct ObjectPlan: Sendable {
    enum Action: Sendable {
        /// NB already matches (for a deleting object: nothing of it is left).
        case upToDate
        /// These ops make NB match; they reference nothing another plan inserts.
        case write([OVSDBOperation])
        /// Cannot be done now; existing rows stay as they are.
        case blocked(SyncProblem)
    }

    var key: ObjectKey
    /// The revision the plan was made for (0 for orphans).
    var revision: Int64
    /// The object is being deleted (or is an orphan): success means "purge".
    var deleting: Bool
    /// The owner tag names no stored object: its rows are removed and nothing is reported.
    var orphan: Bool
    var action: Action

    var operations: [OVSDBOperation] {
        if case .write(let ops) = action { return ops } else { return [] }
    }
}
