import EdgeCore

/// A resource's change-log snapshot (`before`/`after`): the bytes `JSONCoding.encode(resource)`
/// writes. Kinds whose spec lists its own fields (`SnapshotFields`) are written member by member:
/// the generic encoder was a third of a bulk FIP create's store time (benchmarks/RESULTS.md,
/// write path); other kinds go through `JSONCoding`. Sync statuses (the reconciler's status
/// entries) and their conditions are written the same way.
enum ResourceSnapshot {
    static func encode<Spec>(_ resource: Resource<Spec>) throws -> String {
        guard let spec = resource.spec as? any SnapshotFields else { return try JSONCoding.encode(resource) }
        let metadata = resource.metadata
        var object = SnapshotObject()
        // Foundation's `UUID` encodes its upper-case `uuidString`.
        object.string("id", metadata.id.uppercaseText)
        object.string("name", metadata.name)
        object.string("project", metadata.project)
        object.json("labels", encode(metadata.labels))
        object.integer("revision", metadata.revision)
        object.string("created_at", JSONCoding.rfc3339(metadata.createdAt))
        object.string("updated_at", JSONCoding.rfc3339(metadata.updatedAt))
        spec.snapshotFields(&object)
        object.object("status", status(resource.status))
        return object.text
    }

    /// What `JSONCoding.encode(status)` writes.
    static func encode(_ status: SyncStatus) -> String {
        self.status(status).text
    }

    /// The same around conditions that are JSON already (a stored `conditions` column): the
    /// status write-back logs the stored status without decoding that column to encode it again.
    static func encodeStatus(phase: SyncPhase, observedRevision: Int64, message: String?, conditionsJSON: String) -> String {
        status(phase: phase, observedRevision: observedRevision, message: message, conditionsJSON: conditionsJSON).text
    }

    /// What `JSONCoding.encode(labels)` writes.
    static func encode(_ labels: [String: String]) -> String {
        guard !labels.isEmpty else { return "{}" }
        var object = SnapshotObject(capacity: labels.count)
        for (key, value) in labels { object.string(key, value) }
        return object.text
    }

    /// What `JSONCoding.encode(conditions)` writes.
    static func encode(_ conditions: [StatusCondition]) -> String {
        guard !conditions.isEmpty else { return "[]" }
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (index, condition) in conditions.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            var object = SnapshotObject(capacity: 5)
            object.string("type", condition.type)
            object.string("status", condition.status.rawValue)
            object.string("reason", condition.reason)
            object.string("message", condition.message)
            object.string("last_transition_time", JSONCoding.rfc3339(condition.lastTransitionTime))
            object.write(into: &out)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    private static func status(_ status: SyncStatus) -> SnapshotObject {
        self.status(phase: status.phase, observedRevision: status.observedRevision, message: status.message,
                    conditionsJSON: encode(status.conditions))
    }

    private static func status(phase: SyncPhase, observedRevision: Int64, message: String?, conditionsJSON: String) -> SnapshotObject {
        var object = SnapshotObject(capacity: 4)
        object.string("phase", phase.rawValue)
        object.integer("observed_revision", observedRevision)
        object.string("message", message)
        object.json("conditions", conditionsJSON)
        return object
    }
}
