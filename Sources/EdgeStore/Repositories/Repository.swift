import EdgeCore
import Foundation

/// Create, read, list, update and delete for one resource kind (`store.eips`, `store.fips`, …).
///
/// References are by id or name. Every write is one transaction that also appends the change
/// log; errors are `StoreError`s.
public struct Repository<Spec: ResourceSpec>: Sendable {
    let store: Store
    let behavior: any KindBehavior<Spec>

    /// Validates, resolves references (`network`, `eip`), allocates (EIPs) and stores a new
    /// object: revision 1, status `pending` (EIPs: `ready`).
    public func create(_ input: ResourceInput<Spec>, context: ChangeContext) throws -> Resource<Spec> {
        try store.write(context) { scope in try behavior.create(input, in: scope) }
    }

    /// `create`, suspending instead of blocking a thread until the write committed: concurrent
    /// request handlers then wait together and share one group commit.
    public func createAsync(_ input: ResourceInput<Spec>, context: ChangeContext) async throws -> Resource<Spec> {
        let behavior = self.behavior
        return try await store.write(context) { scope in try behavior.create(input, in: scope) }
    }

    /// Throws `notFound` when there is no such object.
    public func get(_ reference: ResourceReference) throws -> Resource<Spec> {
        try store.read { db in try behavior.require(reference, in: db).resource }
    }

    public func find(_ reference: ResourceReference) throws -> Resource<Spec>? {
        try store.read { db in try behavior.fetch(reference, in: db)?.resource }
    }

    /// The objects with these ids, read in one transaction (the reconciler loads the objects a
    /// pass works on together; a read transaction each cost more than reading the row). Ids
    /// that are not stored are left out.
    public func find(ids: some Collection<UUID>) throws -> [UUID: Resource<Spec>] {
        guard !ids.isEmpty else { return [:] }
        return try store.read { db in
            var found: [UUID: Resource<Spec>] = [:]
            found.reserveCapacity(ids.count)
            for id in ids {
                if let object = try behavior.fetch(.id(id), in: db)?.resource { found[id] = object }
            }
            return found
        }
    }

    /// Objects in creation order, filtered, one page at a time.
    public func list(_ query: ListQuery = ListQuery()) throws -> Page<Resource<Spec>> {
        try store.read { db in try behavior.list(query, in: db) }
    }

    /// Applies `change` to the current client-controlled fields inside the transaction. With
    /// `expectedRevision` (If-Match) a concurrent change fails with `revisionMismatch`. A change
    /// bumps the revision; no change returns the object as it is.
    public func update(
        _ reference: ResourceReference, expectedRevision: Int64? = nil, context: ChangeContext,
        _ change: (inout ResourceInput<Spec>) throws -> Void
    ) throws -> Resource<Spec> {
        try store.write(context) { scope in
            try behavior.update(reference, expectedRevision: expectedRevision, in: scope, change: change)
        }
    }

    /// Marks the object `deleting` for the reconciler (EIPs are released at once) and returns it.
    /// Fails with `inUse` while other objects use it.
    @discardableResult
    public func delete(_ reference: ResourceReference, expectedRevision: Int64? = nil, context: ChangeContext) throws -> Resource<Spec> {
        try store.write(context) { scope in try behavior.delete(reference, expectedRevision: expectedRevision, in: scope) }
    }

    /// Objects that keep this one from being deleted (`used_by`).
    public func usedBy(_ reference: ResourceReference) throws -> [ObjectReference] {
        try store.read { db in
            let (_, resource) = try behavior.require(reference, in: db)
            return try behavior.users(of: resource.id, in: db)
        }
    }

    /// Change-log entries of one object, oldest first (for EIPs: allocate, bind, unbind, release…).
    public func history(_ id: UUID, limit: Int = 100, pageToken: String? = nil) throws -> Page<ChangeEntry> {
        try store.changeLog.entries(ChangeLogQuery(kind: Spec.kind, objectID: id, limit: limit, pageToken: pageToken))
    }
}
