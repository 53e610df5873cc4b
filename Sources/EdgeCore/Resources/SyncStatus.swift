/// The `status` block of a synced resource, written only by the reconciler (and by the store
/// when a spec changes or an object is deleted).
public struct SyncStatus: Hashable, Sendable, Codable {
    public var phase: SyncPhase
    public var observedRevision: Int64
    public var message: String?
    public var conditions: [StatusCondition]

    enum CodingKeys: String, CodingKey {
        case phase, message, conditions
        case observedRevision = "observed_revision"
    }

    public init(phase: SyncPhase, observedRevision: Int64 = 0, message: String? = nil, conditions: [StatusCondition] = []) {
        self.phase = phase
        self.observedRevision = observedRevision
        self.message = message
        self.conditions = conditions
    }

    public static let pending = SyncStatus(phase: .pending)
}
