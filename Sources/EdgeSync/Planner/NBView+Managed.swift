import OVSDB

extension NBView {
    /// Whether an ovn-edge object other than `key` — of this deployment or another — wrote the
    /// row: it goes when that object is deleted, whatever else hangs off it.
    func managedByAnother(_ row: Row, than key: ObjectKey) -> Bool {
        switch ownership.claim(row) {
        case .unmanaged: false
        case .ours(let tag), .legacy(let tag), .foreign(let tag, _): tag != Ownership.tag(key)
        }
    }
}
