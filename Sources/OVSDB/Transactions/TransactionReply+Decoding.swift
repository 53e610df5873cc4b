import Foundation

extension TransactionReply {
    /// Checks every element of a `transact` result: an op error, a `null` (skipped op) or the
    /// extra N+1 commit error all make the transaction failed.
    static func decode(_ json: JSON, operations: [OVSDBOperation], schema: DatabaseSchema?) throws(OVSDBError) -> TransactionReply {
        guard let elements = json.arrayValue else { throw .protocolViolation("transact result is not an array: \(json.text.prefix(200))") }
        var results: [OperationResult?] = []
        results.reserveCapacity(operations.count)
        for (index, op) in operations.enumerated() {
            guard index < elements.count else {
                throw .protocolViolation("transact returned \(elements.count) results for \(operations.count) ops")
            }
            let element = elements[index]
            if element.isNull { results.append(nil); continue }
            if let error = element["error"], !error.isNull {
                throw .transactionFailed(TransactionFailure(operationIndex: index, error: ServerError(json: element), results: results))
            }
            results.append(try decodeResult(element, for: op, schema: schema))
        }
        if elements.count > operations.count, let error = elements[operations.count]["error"], !error.isNull {
            throw .transactionFailed(TransactionFailure(operationIndex: nil, isCommitError: true, error: ServerError(json: elements[operations.count]), results: results))
        }
        if let skipped = results.firstIndex(where: { $0 == nil }) {
            // A null without any error: the server skipped ops, so nothing committed.
            throw .transactionFailed(TransactionFailure(operationIndex: skipped,
                                                        error: ServerError(error: "not executed", details: "null result without an error"),
                                                        results: results))
        }
        return TransactionReply(results: results.map { $0! })
    }

    private static func decodeResult(_ element: JSON, for op: OVSDBOperation, schema: DatabaseSchema?) throws(OVSDBError) -> OperationResult {
        switch op {
        case .insert:
            guard let atom = element["uuid"].flatMap({ Atom(json: $0) }), let uuid = atom.uuid else {
                throw .protocolViolation("insert result without uuid: \(element.text)")
            }
            return .inserted(uuid)
        case .select(let table, _, _):
            guard let rows = element["rows"]?.arrayValue else { throw .protocolViolation("select result without rows") }
            let tableSchema = schema?[table]
            var out: [Row] = []
            out.reserveCapacity(rows.count)
            for rowJSON in rows {
                guard let object = rowJSON.objectValue else { throw .protocolViolation("select row is not an object") }
                out.append(Row(json: object, table: tableSchema))
            }
            return .rows(out)
        case .update, .mutate, .delete:
            return .count(element["count"]?.intValue ?? 0)
        default:
            return .empty
        }
    }
}

extension Row {
    /// A row object from `select` or a monitor; `_uuid` (if present) becomes `uuid`.
    init(json object: [String: JSON], table: TableSchema?, uuid: UUID? = nil) {
        var columns: [String: Value] = [:]
        columns.reserveCapacity(object.count)
        var rowUUID = uuid ?? .zero
        for (name, valueJSON) in object {
            if name == "_uuid" {
                if let u = Atom(json: valueJSON)?.uuid { rowUUID = u }
                continue
            }
            if let value = Value(json: valueJSON, type: table?.columns[name]?.type) { columns[name] = value }
        }
        self.init(uuid: rowUUID, columns: columns)
    }
}
