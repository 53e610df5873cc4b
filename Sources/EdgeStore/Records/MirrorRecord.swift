import EdgeCore
import GRDB

/// A row of `mirrors`. `ports` comes from `mirror_ports` (selected as a JSON array column) and
/// is written there separately.
struct MirrorRecord: ResourceRecord {
    static let databaseTableName = "mirrors"

    var common: CommonColumns
    var type: String
    var mirrorIndex: Int64
    var filter: String
    var sink: String
    var ports: [String]

    init(row: Row) throws {
        common = CommonColumns(row: row)
        type = row["type"]
        mirrorIndex = row["mirror_index"]
        filter = row["filter"]
        sink = row["sink"]
        let portsJSON: String? = row["ports"]
        ports = try portsJSON.map { try JSONCoding.decode([String].self, from: $0) } ?? []
    }

    init(common: CommonColumns, spec: MirrorSpec) throws {
        self.common = common
        type = spec.type.rawValue
        mirrorIndex = spec.index
        filter = spec.filter.rawValue
        sink = spec.sink.description
        ports = spec.ports
    }

    func encode(to container: inout PersistenceContainer) {
        common.encode(to: &container)
        container["type"] = type
        container["mirror_index"] = mirrorIndex
        container["filter"] = filter
        container["sink"] = sink
    }

    func spec() throws -> MirrorSpec {
        MirrorSpec(
            type: try parse(type, as: MirrorType.self, column: "type"), index: mirrorIndex,
            filter: try parse(filter, as: MirrorFilter.self, column: "filter"),
            sink: try parse(sink, column: "sink"), ports: ports
        )
    }
}
