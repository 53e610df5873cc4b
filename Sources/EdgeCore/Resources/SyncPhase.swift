/// Where an object stands with the reconciler.
public enum SyncPhase: String, Hashable, Sendable, Codable, CaseIterable {
    /// The spec changed and OVN does not reflect it yet.
    case pending
    /// OVN matches `observed_revision`, which equals `revision`.
    case ready
    /// The last attempt failed; `message` says why and the reconciler retries.
    case error
    /// Deleted through the API; the reconciler removes the OVN rows and then the object.
    case deleting
}
