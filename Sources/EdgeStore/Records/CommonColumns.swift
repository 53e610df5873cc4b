import EdgeCore
import Foundation
import GRDB

/// The leading columns every resource table shares (see migrations/0001_initial.sql).
struct CommonColumns: Sendable {
    var seq: Int64?
    var id: String
    var name: String?
    var project: String
    var labels: String
    var revision: Int64
    var createdAt: String
    var updatedAt: String
    var phase: String
    var observedRevision: Int64
    var statusMessage: String?
    var conditions: String
    var changeSeq: Int64

    init(row: Row) {
        seq = row["seq"]
        id = row["id"]
        name = row["name"]
        project = row["project"]
        labels = row["labels"]
        revision = row["revision"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
        phase = row["phase"]
        observedRevision = row["observed_revision"]
        statusMessage = row["status_message"]
        conditions = row["conditions"]
        changeSeq = row["change_seq"]
    }

    init<Spec>(_ resource: Resource<Spec>, changeSeq: Int64, seq: Int64? = nil) throws {
        self.seq = seq
        id = resource.metadata.id.text
        name = resource.metadata.name
        project = resource.metadata.project
        labels = ResourceSnapshot.encode(resource.metadata.labels)
        revision = resource.metadata.revision
        createdAt = StoreTime.format(resource.metadata.createdAt)
        updatedAt = StoreTime.format(resource.metadata.updatedAt)
        phase = resource.status.phase.rawValue
        observedRevision = resource.status.observedRevision
        statusMessage = resource.status.message
        conditions = ResourceSnapshot.encode(resource.status.conditions)
        self.changeSeq = changeSeq
    }

    func encode(to container: inout PersistenceContainer) {
        container["seq"] = seq
        container["id"] = id
        container["name"] = name
        container["project"] = project
        container["labels"] = labels
        container["revision"] = revision
        container["created_at"] = createdAt
        container["updated_at"] = updatedAt
        container["phase"] = phase
        container["observed_revision"] = observedRevision
        container["status_message"] = statusMessage
        container["conditions"] = conditions
        container["change_seq"] = changeSeq
    }

    func metadata() throws -> ResourceMetadata {
        ResourceMetadata(
            id: try uuid(id), name: name, project: project,
            labels: labels == "{}" ? [:] : try JSONCoding.decode([String: String].self, from: labels),
            revision: revision, createdAt: try date(createdAt), updatedAt: try date(updatedAt)
        )
    }

    func status() throws -> SyncStatus {
        SyncStatus(
            phase: try parse(phase, as: SyncPhase.self, column: "phase"), observedRevision: observedRevision,
            message: statusMessage, conditions: conditions == "[]" ? [] : try JSONCoding.decode([StatusCondition].self, from: conditions)
        )
    }
}

/// A stored value that does not parse: the database was edited by hand or is corrupt.
func corrupt(_ column: String, _ value: String) -> StoreError {
    .database("cannot read column \(column) value \(String(reflecting: value))")
}

func uuid(_ text: String, column: String = "id") throws -> UUID {
    guard let id = UUID(text: text) else { throw corrupt(column, text) }
    return id
}

func date(_ text: String) throws -> Date {
    guard let date = StoreTime.parse(text) else { throw corrupt("time", text) }
    return date
}

func parse<T: RawRepresentable<String>>(_ text: String, as type: T.Type, column: String) throws -> T {
    guard let value = T(rawValue: text) else { throw corrupt(column, text) }
    return value
}

func parse<T: LosslessStringConvertible>(_ text: String, column: String) throws -> T {
    guard let value = T(text) else { throw corrupt(column, text) }
    return value
}

func parse<T: LosslessStringConvertible>(_ text: String?, column: String) throws -> T? {
    guard let text else { return nil }
    guard let value = T(text) else { throw corrupt(column, text) }
    return value
}

/// The id a resolved reference holds; stored specs never hold names.
func storedID(_ reference: ResourceReference) throws -> String {
    guard let id = reference.id else { throw StoreError.database("unresolved reference \(reference)") }
    return id.text
}
