/// Remote port mirroring to `sink` over GRE or ERSPAN (NB `Mirror`), attached to logical ports.
public struct MirrorSpec: ResourceSpec {
    public static let kind = ResourceKind.mirror
    public static let requiresName = true
    /// ERSPAN session ids have 10 bits; GRE keys 32.
    public static let maxERSPANIndex: Int64 = 1023
    public static let maxGREIndex: Int64 = Int64(UInt32.max)

    public var type: MirrorType
    public var index: Int64
    public var filter: MirrorFilter
    public var sink: IPAddress
    /// Logical switch port names, in attach order.
    public var ports: [String]

    public init(type: MirrorType, index: Int64, filter: MirrorFilter, sink: IPAddress, ports: [String] = []) {
        self.type = type
        self.index = index
        self.filter = filter
        self.sink = sink
        self.ports = ports
    }

    public func validate() -> [FieldError] {
        var report = ValidationReport()
        let maximum = type == .erspan ? Self.maxERSPANIndex : Self.maxGREIndex
        if !(0...maximum).contains(index) {
            report.add("index", .outOfRange, "\(type.rawValue) index must be 0 to \(maximum)")
        }
        var seen: Set<String> = []
        for (position, port) in ports.enumerated() {
            if port.isEmpty { report.add("ports[\(position)]", .invalidValue, "must not be empty") }
            if !seen.insert(port).inserted { report.add("ports[\(position)]", .duplicate, "\(port) is listed twice") }
        }
        return report.errors
    }
}
