import EdgeCore
import Foundation
import GRDB

/// Mirrors keep their attached ports in `mirror_ports`, read back as a JSON array column.
struct MirrorBehavior: RecordKindBehavior {
    typealias Record = MirrorRecord

    var filterColumns: [ListFilterField: String] { [:] }

    var selectSQL: String {
        """
        SELECT t.*, (SELECT json_group_array(port) FROM (SELECT port FROM mirror_ports p WHERE p.mirror_id = t.id ORDER BY position)) AS ports
        FROM mirrors t
        """
    }

    func prepare(_ input: ResourceInput<MirrorSpec>, existing: Mirror?, in scope: WriteScope) throws -> MirrorSpec { input.spec }

    func insert(_ resource: Mirror, changeSeq: Int64, in scope: WriteScope) throws {
        try MirrorRecord(resource, changeSeq: changeSeq).insert(scope.db)
        try writePorts(resource, in: scope.db)
    }

    func update(_ resource: Mirror, seq: Int64, changeSeq: Int64, in scope: WriteScope) throws {
        try MirrorRecord(resource, changeSeq: changeSeq, seq: seq).update(scope.db)
        try writePorts(resource, in: scope.db)
    }

    private func writePorts(_ mirror: Mirror, in db: Database) throws {
        try db.execute(sql: "DELETE FROM mirror_ports WHERE mirror_id = ?", arguments: [mirror.id.text])
        for (position, port) in mirror.spec.ports.enumerated() {
            try db.execute(
                sql: "INSERT INTO mirror_ports (mirror_id, port, position) VALUES (?, ?, ?)",
                arguments: [mirror.id.text, port, position]
            )
        }
    }
}
