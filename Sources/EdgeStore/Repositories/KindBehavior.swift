import EdgeCore
import Foundation
import GRDB

/// What differs between resource kinds inside the generic create/update/delete/purge flow
/// (`KindBehavior+Operations.swift`): how rows are read and written, how references are
/// resolved and checked against other objects, and what else a write must record.
protocol KindBehavior<Spec>: Sendable {
    associatedtype Spec: ResourceSpec
    var table: String { get }
    /// Kinds with OVN rows go pending → ready and, when deleted, deleting → purged by the
    /// reconciler. Others (EIPs) are ready on write and removed on delete at once.
    var syncsToOVN: Bool { get }
    var createAction: ChangeAction { get }
    var removeAction: ChangeAction { get }
    /// List filters this kind supports and the column each compares.
    var filterColumns: [ListFilterField: String] { get }
    /// `SELECT … FROM <table> t` (more columns may follow `t.*`).
    var selectSQL: String { get }

    func decode(_ row: Row) throws -> Resource<Spec>
    func insert(_ resource: Resource<Spec>, changeSeq: Int64, in scope: WriteScope) throws
    func update(_ resource: Resource<Spec>, seq: Int64, changeSeq: Int64, in scope: WriteScope) throws
    /// Checks the input against other objects and returns the spec to store (references
    /// resolved to ids, addresses allocated). `existing` is nil on create.
    func prepare(_ input: ResourceInput<Spec>, existing: Resource<Spec>?, in scope: WriteScope) throws -> Spec
    /// Runs just before the row is deleted.
    func willRemove(_ existing: Resource<Spec>, in scope: WriteScope) throws
    /// Runs after the row changed; `new` is nil when the row was removed.
    func didWrite(old: Resource<Spec>?, new: Resource<Spec>?, in scope: WriteScope) throws
    /// Objects that keep this one from being deleted.
    func users(of id: UUID, in db: Database) throws -> [ObjectReference]
    /// `WHERE` terms (on `t`) of the kind's own list filters (`node`, `usage`, `used_by`).
    func listConditions(_ query: ListQuery) throws -> [ListCondition]
}

/// One `WHERE` term of a list query and its arguments.
struct ListCondition {
    var sql: String
    var arguments: StatementArguments
}

extension KindBehavior {
    /// Kinds without filters of their own refuse them.
    func listConditions(_ query: ListQuery) throws -> [ListCondition] {
        for (field, given) in [(ListFilterField.node, query.node != nil), (.usage, query.usage != nil), (.usedBy, query.usedBy != nil)] where given {
            throw StoreError.unsupportedFilter(kind: Spec.kind, field: field.rawValue)
        }
        return []
    }
}

/// A kind stored through a `ResourceRecord`.
protocol RecordKindBehavior: KindBehavior {
    associatedtype Record: ResourceRecord where Record.Spec == Spec
}

extension RecordKindBehavior {
    var table: String { Record.databaseTableName }
    var selectSQL: String { "SELECT t.* FROM \(table) t" }
    var syncsToOVN: Bool { true }
    var createAction: ChangeAction { .create }
    var removeAction: ChangeAction { .purge }

    func decode(_ row: Row) throws -> Resource<Spec> { try Record(row: row).resource() }

    func insert(_ resource: Resource<Spec>, changeSeq: Int64, in scope: WriteScope) throws {
        let record = try Record(resource, changeSeq: changeSeq)
        if let cached = record as? any CachedInsertRecord {
            try cached.insertCached(scope.db)
        } else {
            try record.insert(scope.db)
        }
    }

    func update(_ resource: Resource<Spec>, seq: Int64, changeSeq: Int64, in scope: WriteScope) throws {
        try Record(resource, changeSeq: changeSeq, seq: seq).update(scope.db)
    }

    func didWrite(old: Resource<Spec>?, new: Resource<Spec>?, in scope: WriteScope) throws {}
    func willRemove(_ existing: Resource<Spec>, in scope: WriteScope) throws {}
    func users(of id: UUID, in db: Database) throws -> [ObjectReference] { [] }
}
