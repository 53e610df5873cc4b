/// Why a byte sequence is not the JSON we expect; `offset` is the byte where parsing stopped.
public enum JSONParseError: Error, Equatable, Sendable {
    case unexpectedEnd
    case unexpectedByte(UInt8, offset: Int)
    case invalidNumber(offset: Int)
    case invalidEscape(offset: Int)
    case tooDeep(offset: Int)
    case trailingGarbage(offset: Int)
}
