import EdgeCore
import Foundation
import GRDB

/// The generic write flow. Every operation runs inside the caller's transaction and writes its
/// change-log row there; nothing here commits.
extension KindBehavior {
    var kind: ResourceKind { Spec.kind }

    func fetch(_ reference: ResourceReference, in db: Database) throws -> (seq: Int64, resource: Resource<Spec>)? {
        // Cached statements: compiling the SELECT (and GRDB's authorizer while SQLite compiles)
        // was ~10 % of a GET's CPU (benchmarks/RESULTS.md).
        let statement: Statement
        let argument: String
        switch reference {
        case .id(let id): (statement, argument) = (try db.cachedStatement(sql: "\(selectSQL) WHERE t.id = ?"), id.text)
        case .name(let name): (statement, argument) = (try db.cachedStatement(sql: "\(selectSQL) WHERE t.name = ?"), name)
        }
        // Decoded from the cursor's row: a fetched (copied) row finds a column by name by
        // lowercasing every column name (see `list`).
        // The row lives as long as the cursor does: keep it until both are read.
        let cursor = try Row.fetchCursor(statement, arguments: [argument])
        guard let row = try cursor.next() else { return nil }
        let found = (seq: row["seq"] as Int64, resource: try decode(row))
        withExtendedLifetime(cursor) {}
        return found
    }

    func require(_ reference: ResourceReference, in db: Database) throws -> (seq: Int64, resource: Resource<Spec>) {
        guard let found = try fetch(reference, in: db) else {
            throw StoreError.notFound(kind: kind, reference: reference.description, field: nil)
        }
        return found
    }

    func create(_ input: ResourceInput<Spec>, in scope: WriteScope) throws -> Resource<Spec> {
        try checkValid(input)
        let spec = try prepare(input, existing: nil, in: scope)
        let metadata = ResourceMetadata(
            id: UUID.random(), name: input.name, project: input.project, labels: input.labels,
            revision: 1, createdAt: scope.now, updatedAt: scope.now
        )
        let status = syncsToOVN ? SyncStatus.pending : SyncStatus(phase: .ready, observedRevision: 1)
        let resource = Resource(metadata: metadata, spec: spec, status: status)
        let changeSeq = try scope.log(createAction, kind, metadata.id, before: nil, after: try ResourceSnapshot.encode(resource))
        try mapConstraintErrors { try insert(resource, changeSeq: changeSeq, in: scope) }
        try didWrite(old: nil, new: resource, in: scope)
        if syncsToOVN { scope.stored(resource, changeSeq: changeSeq) }
        return resource
    }

    /// Read-modify-write: `change` edits the client-controlled fields of the current object.
    /// Any change bumps the revision and (for synced kinds) makes the object pending again; no
    /// change returns the object untouched.
    func update(
        _ reference: ResourceReference, expectedRevision: Int64?, in scope: WriteScope,
        change: (inout ResourceInput<Spec>) throws -> Void
    ) throws -> Resource<Spec> {
        let (seq, existing) = try require(reference, in: scope.db)
        if existing.status.phase == .deleting { throw StoreError.deleting(existing.reference) }
        try checkRevision(existing, expectedRevision)
        var input = existing.input
        try change(&input)
        try checkValid(input)
        let spec = try prepare(input, existing: existing, in: scope)
        let unchanged = spec == existing.spec && input.name == existing.metadata.name
            && input.project == existing.metadata.project && input.labels == existing.metadata.labels
        if unchanged { return existing }

        var updated = existing
        updated.metadata.name = input.name
        updated.metadata.project = input.project
        updated.metadata.labels = input.labels
        updated.metadata.revision += 1
        updated.metadata.updatedAt = scope.now
        updated.spec = spec
        if syncsToOVN {
            updated.status.phase = .pending
        } else {
            updated.status.observedRevision = updated.metadata.revision
        }
        let changeSeq = try scope.log(.update, kind, existing.id, before: try ResourceSnapshot.encode(existing), after: try ResourceSnapshot.encode(updated))
        try mapConstraintErrors { try update(updated, seq: seq, changeSeq: changeSeq, in: scope) }
        try didWrite(old: existing, new: updated, in: scope)
        if syncsToOVN { scope.stored(updated, changeSeq: changeSeq) }
        return updated
    }

    /// Synced kinds become `deleting` (the reconciler purges them); others are removed now.
    /// Refused while other objects use this one. Deleting a deleting object is a no-op.
    func delete(_ reference: ResourceReference, expectedRevision: Int64?, in scope: WriteScope) throws -> Resource<Spec> {
        let (seq, existing) = try require(reference, in: scope.db)
        try checkRevision(existing, expectedRevision)
        if existing.status.phase == .deleting { return existing }
        let users = try users(of: existing.id, in: scope.db)
        if !users.isEmpty { throw StoreError.inUse(existing.reference, usedBy: users) }
        guard syncsToOVN else {
            try remove(existing, action: removeAction, in: scope)
            return existing
        }
        var deleting = existing
        deleting.status.phase = .deleting
        deleting.metadata.updatedAt = scope.now
        let changeSeq = try scope.log(.delete, kind, existing.id, before: try ResourceSnapshot.encode(existing), after: try ResourceSnapshot.encode(deleting))
        try update(deleting, seq: seq, changeSeq: changeSeq, in: scope)
        scope.stored(deleting, changeSeq: changeSeq)
        return deleting
    }

    /// Removes a `deleting` object for good (the reconciler calls this once OVN is clean).
    /// Returns false when the object is already gone.
    func purge(_ id: UUID, in scope: WriteScope) throws -> Bool {
        guard let (_, existing) = try fetch(.id(id), in: scope.db) else { return false }
        guard existing.status.phase == .deleting else {
            throw StoreError.validation(ValidationFailure(field: "phase", code: .invalidValue, message: "only deleting objects can be purged"))
        }
        let users = try users(of: id, in: scope.db)
        if !users.isEmpty { throw StoreError.inUse(existing.reference, usedBy: users) }
        try remove(existing, action: .purge, in: scope)
        return true
    }

    func list(_ query: ListQuery, in db: Database) throws -> Page<Resource<Spec>> {
        var conditions = ["t.seq > ?"]
        var arguments: StatementArguments = [try PageToken.parse(query.pageToken, scope: table)]
        if let project = query.project { conditions.append("t.project = ?"); arguments += [project] }
        if let phase = query.phase { conditions.append("t.phase = ?"); arguments += [phase.rawValue] }
        for (key, value) in query.labels.sorted(by: { $0.key < $1.key }) {
            conditions.append("json_extract(t.labels, ?) = ?")
            arguments += [jsonPath(key), value]
        }
        if let router = query.router {
            conditions.append("t.\(try column(.router)) = ?")
            arguments += [router]
        }
        for (field, reference, referencedKind) in [(ListFilterField.network, query.network, ResourceKind.externalNetwork), (.eip, query.eip, .eip)] {
            guard let reference else { continue }
            let column = try column(field)
            conditions.append("t.\(column) = (SELECT id FROM \(TableNames.table(of: referencedKind)) WHERE id = ? OR name = ?)")
            arguments += [reference.id?.text ?? "", reference.description]
        }
        if let ip = query.ip {
            _ = try column(.ip)
            conditions.append(ip.family == .v4 ? "t.ip_v4 = ?" : "t.ip_v6 = ?")
            arguments += [ip.description]
        }
        for condition in try listConditions(query) {
            conditions.append(condition.sql)
            arguments += condition.arguments
        }
        let limit = PageToken.clamp(query.limit)
        // Each row is decoded where the cursor stands: GRDB's copied rows (`fetchAll`) look a
        // column up by lowercasing every column name, which was a fifth of loading 10,000
        // objects for the reconciler; the cursor's row has a name → index table.
        let cursor = try Row.fetchCursor(
            db, sql: "\(selectSQL) WHERE \(conditions.joined(separator: " AND ")) ORDER BY t.seq LIMIT \(limit + 1)",
            arguments: arguments
        )
        var items: [Resource<Spec>] = []
        var lastSeq: Int64 = 0
        var more = false
        while let row = try cursor.next() {
            guard items.count < limit else { more = true; break }
            items.append(try decode(row))
            lastSeq = row["seq"]
        }
        return Page(items: items, nextPageToken: more ? PageToken.make(table, after: lastSeq) : nil)
    }

    // MARK: - Helpers

    private func remove(_ existing: Resource<Spec>, action: ChangeAction, in scope: WriteScope) throws {
        try scope.log(action, kind, existing.id, before: try ResourceSnapshot.encode(existing), after: nil)
        try willRemove(existing, in: scope)
        try scope.db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [existing.id.text])
        try didWrite(old: existing, new: nil, in: scope)
        if syncsToOVN { scope.dropFresh(kind, existing.id) }
    }

    private func checkValid(_ input: ResourceInput<Spec>) throws {
        let errors = input.validate()
        if !errors.isEmpty { throw StoreError.validation(ValidationFailure(errors)) }
    }

    private func checkRevision(_ existing: Resource<Spec>, _ expected: Int64?) throws {
        if let expected, expected != existing.revision {
            throw StoreError.revisionMismatch(expected: expected, actual: existing.revision)
        }
    }

    private func column(_ field: ListFilterField) throws -> String {
        guard let column = filterColumns[field] else { throw StoreError.unsupportedFilter(kind: kind, field: field.rawValue) }
        return column
    }

    private func jsonPath(_ key: String) -> String {
        "$.\"" + key.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    func mapConstraintErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw DatabaseErrorMapping.map(error, kind: kind)
        }
    }
}
