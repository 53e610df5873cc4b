/// The fast path of every JSON string writer (the API's replies, the store's snapshots): nearly
/// every string needs no escape and is copied in one go.
public enum JSONPlainString {
    /// Appends `text`'s UTF-8 when it has no control character, quote or backslash and returns
    /// true; otherwise appends nothing and returns false (the caller escapes it its own way).
    @inlinable
    public static func append(_ text: String, to out: inout [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
    }
}
