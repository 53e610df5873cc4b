/// The five atomic types of RFC 7047.
public enum AtomicType: String, Sendable, Hashable {
    case integer, real, boolean, string, uuid
}
