/// One JSON object of a snapshot written member by member and put out with its keys sorted the
/// way `SnapshotEncoder` (and `JSONEncoder` with `.sortedKeys`) sorts them. Values are kept in one
/// byte buffer; nil values are left out, as synthesized `Encodable` leaves out nil optionals.
struct SnapshotObject {
    private var buffer: [UInt8] = []
    private var members: [(key: String, range: Range<Int>)] = []

    init(capacity: Int = 16) {
        buffer.reserveCapacity(capacity * 24)
        members.reserveCapacity(capacity)
    }

    mutating func string(_ key: String, _ value: String?) {
        guard let value else { return }
        let start = buffer.count
        SnapshotEncoder.Node.appendQuoted(value, to: &buffer)
        members.append((key, start..<buffer.count))
    }

    mutating func integer(_ key: String, _ value: Int64) {
        json(key, String(value))
    }

    mutating func bool(_ key: String, _ value: Bool) {
        json(key, value ? "true" : "false")
    }

    /// A value that is JSON already (a nested object or array).
    mutating func json(_ key: String, _ text: String) {
        let start = buffer.count
        buffer.append(contentsOf: text.utf8)
        members.append((key, start..<buffer.count))
    }

    mutating func object(_ key: String, _ object: SnapshotObject) {
        let start = buffer.count
        object.write(into: &buffer)
        members.append((key, start..<buffer.count))
    }

    func write(into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for (index, member) in sorted.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            SnapshotEncoder.Node.appendQuoted(member.key, to: &out)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: buffer[member.range])
        }
        out.append(UInt8(ascii: "}"))
    }

    var text: String {
        var out: [UInt8] = []
        out.reserveCapacity(buffer.count + members.count * 16 + 2)
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
