import Foundation

/// A typed view of one NB table's row. Built from a cached `Row` (columns the model does not
/// know are ignored, missing ones take the schema default) and turned back into the columns
/// to write. `columns` leaves out what ovn-northd owns (e.g. `Logical_Switch_Port.up`).
public protocol NorthboundModel: Sendable, Hashable {
    static var tableName: String { get }
    var uuid: UUID { get }
    init(row: Row)
    var columns: [String: Value] { get }
}

extension NorthboundModel {
    /// `external_ids` is on every NB table ovn-edge writes.
    public func externalID(_ key: String) -> String? {
        columns["external_ids"]?.stringMap[key]
    }
}
