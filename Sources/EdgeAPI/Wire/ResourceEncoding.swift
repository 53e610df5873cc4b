import EdgeCore
import EdgeStore

/// The JSON form every resource shares: metadata first, the kind's fields, `status` last.
enum ResourceEncoding {
    static func encode<W: ResourceWire>(_ resource: Resource<W.Spec>, as wire: W.Type, _ lookup: WireLookup) throws -> JSONValue {
        let metadata = resource.metadata
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(metadata.id.lowercaseText)),
            ("name", .string(metadata.name)),
            ("project", .string(metadata.project)),
            ("labels", .stringMap(metadata.labels)),
            ("revision", .integer(metadata.revision)),
            ("created_at", .timestamp(metadata.createdAt)),
            ("updated_at", .timestamp(metadata.updatedAt)),
        ]
        members += try W.encodeSpec(resource, lookup)
        members.append(("status", status(resource.status)))
        return .object(members)
    }

    static func status(_ status: SyncStatus) -> JSONValue {
        .object([
            ("phase", .string(status.phase.rawValue)),
            ("observed_revision", .integer(status.observedRevision)),
            ("message", .string(status.message)),
            ("conditions", .array(status.conditions.map { condition in
                .object([
                    ("type", .string(condition.type)),
                    ("status", .string(condition.status.rawValue)),
                    ("reason", .string(condition.reason)),
                    ("message", .string(condition.message)),
                    ("last_transition_time", .timestamp(condition.lastTransitionTime)),
                ])
            })),
        ])
    }

    static func objectReference(_ reference: ObjectReference) -> JSONValue {
        .object([
            ("kind", .string(reference.kind.rawValue)),
            ("id", .string(reference.id.lowercaseText)),
            ("name", .string(reference.name)),
        ])
    }

    /// An EIP's user: the reference plus its phase.
    static func eipUser(_ user: EIPUser) -> JSONValue {
        .object([
            ("kind", .string(user.reference.kind.rawValue)),
            ("id", .string(user.reference.id.lowercaseText)),
            ("name", .string(user.reference.name)),
            ("phase", .string(user.phase.rawValue)),
        ])
    }

    /// A stored reference (always an id once stored).
    static func reference(_ reference: ResourceReference?) -> JSONValue {
        guard let reference else { return .null }
        return .string(reference.description)
    }
}
