/// A transport port, 1–65535 (0 is not a usable forwarding port).
public struct Port: Hashable, Comparable, Sendable, LosslessStringConvertible, Codable {
    public let value: UInt16

    public init?(_ value: Int) {
        guard (1...65535).contains(value) else { return nil }
        self.value = UInt16(value)
    }

    public init?(_ text: String) {
        guard let number = Int(text) else { return nil }
        self.init(number)
    }

    public var description: String { String(value) }

    public static func < (lhs: Port, rhs: Port) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let number = try container.decode(Int.self)
        guard let port = Port(number) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "port out of range: \(number)")
        }
        self = port
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Int(value))
    }
}
