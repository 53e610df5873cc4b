import Foundation
import OVSDB

/// One NB row an object needs: its table, its fixed uuid, the columns ovn-edge manages (other
/// columns are left as they are), and the parent columns that must reference it (non-root rows
/// live only while referenced, so the reference is added in the transaction that inserts them).
struct DesiredRow: Hashable, Sendable {
    var table: String
    var uuid: UUID
    var columns: [String: Value]
    var references: [RowReference]

    init(table: String, uuid: UUID, columns: [String: Value], references: [RowReference]) {
        self.table = table
        self.uuid = uuid
        self.columns = columns
        self.references = references
    }
}
