/// A JSON value as OVSDB's JSON-RPC uses it. Integers are kept apart from reals because OVSDB
/// distinguishes `integer` from `real` atoms.
public enum JSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])
}
