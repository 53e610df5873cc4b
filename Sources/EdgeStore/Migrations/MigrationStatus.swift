/// Which migrations a database has and which this binary knows.
public struct MigrationStatus: Hashable, Sendable {
    /// Names recorded in the database, in the order they ran.
    public let applied: [String]
    /// Names this binary carries, in order.
    public let available: [String]

    public var pending: [String] { available.filter { !applied.contains($0) } }
    /// Recorded names this binary does not know: the database is newer than the binary.
    public var unknown: [String] { applied.filter { !available.contains($0) } }
    public var isCurrent: Bool { pending.isEmpty && unknown.isEmpty }
    public var appliedVersion: Int { applied.compactMap { Int($0.prefix(4)) }.max() ?? 0 }
    public var availableVersion: Int { available.compactMap { Int($0.prefix(4)) }.max() ?? 0 }
}
