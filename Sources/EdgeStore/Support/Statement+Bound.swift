import GRDB
import GRDBSQLite

/// A value bound straight to an SQLite parameter. Text is bound whole, by its length (GRDB's
/// binding stops at a NUL byte; names cannot hold one).
enum BoundValue {
    case text(String)
    case integer(Int64)
    case real(Double)
    case blob([UInt8])
    case null

    init(_ text: String?) { self = text.map { .text($0) } ?? .null }
}

/// SQLite copies a text or blob bound with this destructor before the bind returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension Statement {
    /// Runs a statement that returns no rows with `values` bound by position, straight through
    /// SQLite's C API: GRDB's `StatementArguments` box every value, which showed in the profile
    /// of rows written thousands at a time (change-log rows, bulk inserts).
    func executeBound(_ values: BoundValue...) throws {
        try executeBound(values)
    }

    func executeBound(_ values: [BoundValue]) throws {
        let statement = sqliteStatement
        sqlite3_reset(statement)
        try bind(values)
        var code = sqlite3_step(statement)
        while code == SQLITE_ROW { code = sqlite3_step(statement) } // (`RETURNING`: rows unread)
        // The error (and its message) is read before the reset that readies the statement again.
        let error = code == SQLITE_DONE ? nil : failure(code)
        sqlite3_reset(statement)
        if let error { throw error }
    }

    /// Runs a query with `values` bound by position and gives `body` its first row (nil when
    /// there is none), read straight from SQLite: GRDB's `Row` copies every column into boxed
    /// values, per lookup of thousands in a bulk create or a status write-back.
    func withFirstRow<T>(_ values: BoundValue..., body: (BoundRow?) throws -> T) throws -> T {
        let statement = sqliteStatement
        sqlite3_reset(statement)
        defer { sqlite3_reset(statement) }
        try bind(values)
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return try body(BoundRow(statement: statement))
        case SQLITE_DONE: return try body(nil)
        case let code: throw failure(code)
        }
    }

    private func bind(_ values: [BoundValue]) throws {
        let statement = sqliteStatement
        // A reset keeps the last values: too few would silently reuse them.
        let expected = Int(sqlite3_bind_parameter_count(statement))
        guard values.count == expected else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "\(values.count) values for \(expected) parameters", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            // A buffer without an address would bind NULL: an empty value binds a zero-length one.
            case .text(var text):
                code = text.isEmpty ? sqlite3_bind_text(statement, index, "", 0, transient)
                    : text.withUTF8 { sqlite3_bind_text(statement, index, $0.baseAddress, Int32($0.count), transient) }
            case .integer(let integer): code = sqlite3_bind_int64(statement, index, integer)
            case .real(let real): code = sqlite3_bind_double(statement, index, real)
            case .blob(let bytes):
                code = bytes.isEmpty ? sqlite3_bind_zeroblob(statement, index, 0)
                    : bytes.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), transient) }
            case .null: code = sqlite3_bind_null(statement, index)
            }
            if code != SQLITE_OK { throw failure(code) }
        }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        let connection = sqlite3_db_handle(sqliteStatement)
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: connection.map { String(cString: sqlite3_errmsg($0)) }, sql: sql)
    }
}

/// The current row of a statement stepped by `withFirstRow`; valid only inside its body.
struct BoundRow {
    fileprivate let statement: SQLiteStatement

    /// The column's text; nil for NULL.
    func text(_ column: Int32) -> String? {
        // The type first: it is undefined once `sqlite3_column_text` converted the value.
        guard sqlite3_column_type(statement, column) != SQLITE_NULL else { return nil }
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// The column's text, or the error a corrupt row deserves.
    func requiredText(_ column: Int32) throws -> String {
        guard let text = text(column) else {
            let name = sqlite3_column_name(statement, column).map { String(cString: $0) } ?? "column \(column)"
            throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "unexpected NULL in \(name)")
        }
        return text
    }

    /// The column's integer (0 for NULL: read only `NOT NULL` columns with it).
    func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
}
