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
    /// For a modify from an update2 diff: per set column it toggled, the atoms that entered or
    /// left the set (each is in exactly one of `old` and `new`). Lets a reader of a large set
    /// (a router's NAT column) follow the change in O(toggled) instead of comparing both sets.
    /// Empty when not known (other notations, snapshots, hand-made changes).
    public let toggled: [String: Set<Atom>]

    public init(table: String, uuid: UUID, old: Row?, new: Row?, toggled: [String: Set<Atom>] = [:]) {
        self.table = table
        self.uuid = uuid
        self.old = old
        self.new = new
        self.toggled = toggled
    }

    public var kind: Kind {
        if old == nil { return .insert }
        if new == nil { return .delete }
        return .modify
    }

    /// The latest known version of the row.
    public var row: Row { (new ?? old)! }
}
