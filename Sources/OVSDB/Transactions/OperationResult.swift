import Foundation

/// What one successful op returned.
public enum OperationResult: Sendable, Hashable {
    /// `insert`: the new row's uuid.
    case inserted(UUID)
    /// `select`: the rows (with `_uuid` as `Row.uuid` when selected).
    case rows([Row])
    /// `update`, `mutate`, `delete`: rows matched.
    case count(Int)
    /// `wait`, `commit`, `comment`, `assert`.
    case empty

    public var insertedUUID: UUID? { if case .inserted(let u) = self { return u } else { return nil } }
    public var selectedRows: [Row]? { if case .rows(let r) = self { return r } else { return nil } }
    public var count: Int? { if case .count(let c) = self { return c } else { return nil } }
}
