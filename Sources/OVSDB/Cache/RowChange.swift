import Foundation

/// One row that appeared, changed or disappeared in the cache.
public struct RowChange: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case insert, modify, delete }

    public let table: String
    public let uuid: UUID
    /// The row before the change (nil for an insert).
    public let old: Row?
    /// The row after the change (nil for a delete).
    public let new: Row?

    public var kind: Kind {
        if old == nil { return .insert }
        if new == nil { return .delete }
        return .modify
    }

    /// The latest known version of the row.
    public var row: Row { (new ?? old)! }
}
