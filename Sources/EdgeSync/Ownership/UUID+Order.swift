import Foundation

extension UUID {
    /// The order of `uuidString` (upper-case hex of the bytes in turn) without formatting
    /// either: sorting 10,000 objects by `uuidString` formatted ~270,000 strings through
    /// `sprintf`, a tenth of a full pass.
    func precedes(_ other: UUID) -> Bool {
        withUnsafeBytes(of: uuid) { lhs in
            withUnsafeBytes(of: other.uuid) { rhs in
                for index in 0..<16 where lhs[index] != rhs[index] { return lhs[index] < rhs[index] }
                return false
            }
        }
    }
}
