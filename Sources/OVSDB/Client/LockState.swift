/// Where this client stands with one OVSDB lock.
public enum LockState: Sendable, Hashable {
    /// Not asked for (or released with `unlock`).
    case notRequested
    /// Asked for; waiting for the `locked` notification (re-requested after every reconnect).
    case waiting
    case held
}
