/// Monitor flavours, newest first. The client uses the newest the server knows.
public enum MonitorMethod: String, Sendable, Hashable, CaseIterable {
    /// `update3`, resumable with the last transaction id (OVS ≥ 2.12; resumes only on clustered servers).
    case monitorCondSince = "monitor_cond_since"
    /// `update2` diffs (OVS ≥ 2.6).
    case monitorCond = "monitor_cond"
    /// RFC 7047 `update` with old/new rows.
    case monitor
}
