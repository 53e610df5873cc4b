import Foundation
import OVSDB

/// The ops of one batch as sent: each plan's ops in turn, except the link ops — mutates that
/// only insert uuids into or delete them from a set column of one row (`Logical_Router.nat`,
/// `Logical_Switch.ports`, …) — which are merged per row and column into one mutate at the end.
///
/// Why: ovsdb-server applies every mutate to a copy of the whole column, so 400 FIPs linked one
/// mutate each into a router that holds 10,000 NAT rows copied ~4 million uuids per transaction;
/// merged, it is one copy (ovn-nbctl's IDL sends one mutate per column as well). Moving the
/// links behind the inserts keeps every named-uuid defined before it is used, and referential
/// integrity is checked at commit, after all ops. A row's uuid both inserted and deleted within
/// the batch is not merged (the plans' order would matter); those ops stay where they were.
struct BatchOperations: Sendable {
    private(set) var operations: [OVSDBOperation] = []
    /// For each op, the plans (indexes into the batch) it came from.
    private(set) var sources: [[Int]] = []

    fileprivate struct Slot: Hashable {
        var table: String
        var row: UUID
        var column: String
    }

    fileprivate struct Links {
        var inserted: Set<Atom> = []
        var deleted: Set<Atom> = []
        var sources: [Int] = []
    }

    init(_ plans: [ObjectPlan]) {
        var links: [Slot: Links] = [:]
        var order: [Slot] = []
        for (index, plan) in plans.enumerated() {
            for op in plan.operations {
                if let (slot, mutations) = Self.link(op) {
                    if links[slot] == nil { order.append(slot) }
                    links[slot, default: Links()].add(mutations, from: index)
                } else {
                    append(op, from: [index])
                }
            }
        }
        for slot in order {
            guard let merged = links[slot] else { continue }
            if merged.inserted.isDisjoint(with: merged.deleted) {
                append(merged.operation(slot), from: merged.sources)
            } else {
                append(contentsOf: plans, only: slot)
            }
        }
    }

    /// The one plan an op came from, or nil for a merged op (the writer then bisects).
    func plan(ofOperation index: Int?) -> Int? {
        guard let index, sources.indices.contains(index), sources[index].count == 1 else { return nil }
        return sources[index][0]
    }

    private mutating func append(_ op: OVSDBOperation, from plans: [Int]) {
        operations.append(op)
        sources.append(plans)
    }

    /// A slot whose links could not be merged: each plan's own mutates of it, unmerged.
    private mutating func append(contentsOf plans: [ObjectPlan], only slot: Slot) {
        for (index, plan) in plans.enumerated() {
            for op in plan.operations where Self.link(op)?.0 == slot { append(op, from: [index]) }
        }
    }

    /// A mutate of one row by `_uuid` whose mutations all insert or delete set elements.
    private static func link(_ op: OVSDBOperation) -> (Slot, [Mutation])? {
        guard case .mutate(let table, let conditions, let mutations) = op, conditions.count == 1,
              conditions[0].column == "_uuid", conditions[0].function == .equal, let row = conditions[0].value.uuid,
              let column = mutations.first?.column,
              mutations.allSatisfy({ $0.column == column && ($0.mutator == .insert || $0.mutator == .delete) && $0.value.isSet })
        else { return nil }
        return (Slot(table: table, row: row, column: column), mutations)
    }
}

extension BatchOperations.Links {
    mutating func add(_ mutations: [Mutation], from plan: Int) {
        for mutation in mutations {
            if mutation.mutator == .insert { inserted.formUnion(mutation.value.atoms) } else { deleted.formUnion(mutation.value.atoms) }
        }
        if sources.last != plan { sources.append(plan) }
    }

    func operation(_ slot: BatchOperations.Slot) -> OVSDBOperation {
        var mutations: [Mutation] = []
        if !deleted.isEmpty { mutations.append(.delete(slot.column, .set(deleted))) }
        if !inserted.isEmpty { mutations.append(.insert(slot.column, .set(inserted))) }
        return .mutate(table: slot.table, where: [.uuid(slot.row)], mutations: mutations)
    }
}

private extension Value {
    var isSet: Bool { if case .set = self { return true } else { return false } }
}
