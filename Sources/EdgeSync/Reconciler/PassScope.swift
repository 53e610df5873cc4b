/// What one pass looks at.
enum PassScope: Sendable, Hashable {
    /// Every stored object, then orphans (owned rows of objects not in the store).
    case full
    /// Objects not `ready` (pending, error, deleting).
    case pending
    /// Objects not `ready`, plus the owners of these tags (from `DriftImpact`); tags whose
    /// object is not in the store are orphans and their rows are removed.
    case drift(Set<String>)
}
