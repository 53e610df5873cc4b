// Addresses travel as their text form in JSON (API bodies, change-log snapshots).
extension IPv4Address {
    public init(from decoder: any Decoder) throws { self = try decodeFromText(decoder) }
    public func encode(to encoder: any Encoder) throws { try encodeAsText(self, encoder) }
}

extension IPv6Address {
    public init(from decoder: any Decoder) throws { self = try decodeFromText(decoder) }
    public func encode(to encoder: any Encoder) throws { try encodeAsText(self, encoder) }
}

/// Decodes any `LosslessStringConvertible` value from a JSON string.
func decodeFromText<T: LosslessStringConvertible>(_ decoder: any Decoder) throws -> T {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let value = T(text) else {
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid \(T.self): \(text)")
    }
    return value
}

func encodeAsText<T: CustomStringConvertible>(_ value: T, _ encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(value.description)
}
