/// Cuts a byte stream of back-to-back JSON texts (OVSDB sends no length prefix and no
/// delimiter) into complete top-level values. Bytes may arrive split at any boundary; the
/// scan resumes where it stopped, so every byte is looked at once.
public struct JSONStreamSplitter: Sendable {
    public enum SplitError: Error, Equatable, Sendable {
        /// Something other than an object or array at the top level.
        case unexpectedByte(UInt8)
        /// A single message grew beyond the limit.
        case messageTooLarge(Int)
    }

    private var buffer: [UInt8] = []
    /// Where the current (incomplete) value starts in `buffer`, and how far it has been scanned.
    private var valueStart = 0
    private var scanned = 0
    private var depth = 0
    private var inString = false
    private var escaped = false
    private let maxMessageSize: Int

    public init(maxMessageSize: Int = 1 << 30) { self.maxMessageSize = maxMessageSize }

    /// Bytes held for a value not yet complete.
    public var pendingByteCount: Int { buffer.count - valueStart }

    /// Appends bytes and returns every value completed by them, as raw JSON texts.
    public mutating func push(_ chunk: UnsafeRawBufferPointer) throws(SplitError) -> [ArraySlice<UInt8>] {
        buffer.append(contentsOf: chunk)
        return try split()
    }

    public mutating func push(_ chunk: [UInt8]) throws(SplitError) -> [ArraySlice<UInt8>] {
        buffer.append(contentsOf: chunk)
        return try split()
    }

    private mutating func split() throws(SplitError) -> [ArraySlice<UInt8>] {
        var complete: [Range<Int>] = []
        let count = buffer.count
        var i = scanned
        let failure: SplitError? = buffer.withUnsafeBufferPointer { bytes -> SplitError? in
            while i < count {
                let byte = bytes[i]
                if inString {
                    if escaped { escaped = false }
                    else if byte == 0x5C { escaped = true }
                    else if byte == 0x22 { inString = false }
                } else if depth == 0 {
                    switch byte {
                    case 0x20, 0x0A, 0x0D, 0x09: valueStart = i + 1
                    case 0x7B, 0x5B: valueStart = i; depth = 1
                    default: return .unexpectedByte(byte)
                    }
                } else {
                    switch byte {
                    case 0x22: inString = true
                    case 0x7B, 0x5B: depth += 1
                    case 0x7D, 0x5D:
                        depth -= 1
                        if depth == 0 {
                            complete.append(valueStart..<(i + 1))
                            valueStart = i + 1
                        }
                    default: break
                    }
                }
                i += 1
            }
            return nil
        }
        if let failure { throw failure }
        scanned = count
        let values = complete.map { buffer[$0] }
        if valueStart == count {
            // Everything consumed: start a fresh buffer; the returned slices keep the old one.
            buffer = []
            scanned = 0
            valueStart = 0
        } else if valueStart > 1 << 16 {
            buffer.removeSubrange(0..<valueStart)
            scanned -= valueStart
            valueStart = 0
        }
        if buffer.count - valueStart > maxMessageSize { throw .messageTooLarge(buffer.count - valueStart) }
        return values
    }
}
