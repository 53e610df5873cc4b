@testable import EdgeStore
import GRDB
import Testing

/// `Statement.executeBound` / `withFirstRow`: values bound straight through SQLite's C API read
/// back as GRDB writes them, and a failed statement reports SQLite's error and stays usable.
@Suite struct StatementBoundTests {
    func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, n INTEGER, note TEXT)")
        }
        return queue
    }

    @Test func boundValuesReadBackAsGRDBWritesThem() throws {
        try database().write { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO t (name, n, note) VALUES (?, ?, ?)")
            try insert.executeBound(.text("å ✓ x"), .integer(-7), .null)
            try insert.executeBound([.text("b"), .integer(1), .null])
            let rows = try Row.fetchAll(db, sql: "SELECT name, n, note FROM t ORDER BY id")
            #expect(rows.map { $0["name"] as String } == ["å ✓ x", "b"])
            #expect(rows.map { $0["n"] as Int64 } == [-7, 1])
            #expect(rows.allSatisfy { ($0["note"] as String?) == nil })

            let select = try db.cachedStatement(sql: "SELECT name, n, note FROM t WHERE name = ?")
            let found = try select.withFirstRow(.text("å ✓ x")) { row in
                try row.map { (try $0.requiredText(0), $0.integer(1), $0.text(2)) }
            }
            #expect(found?.0 == "å ✓ x" && found?.1 == -7 && found?.2 == nil)
            #expect(try select.withFirstRow(.text("none")) { $0 == nil })
            #expect(throws: DatabaseError.self) { try select.withFirstRow(.text("b")) { try $0?.requiredText(2) } }
        }
    }

    /// Empty text and blobs stay empty (not NULL); reals and blobs keep their type.
    @Test func emptyValuesRealsAndBlobs() throws {
        try DatabaseQueue().write { db in
            try db.execute(sql: "CREATE TABLE v (a, b, c, d)")
            try db.cachedStatement(sql: "INSERT INTO v VALUES (?, ?, ?, ?)")
                .executeBound(.text(""), .blob([]), .real(2.5), .blob([1, 2]))
            let row = try #require(try Row.fetchOne(db, sql: "SELECT typeof(a), a, typeof(b), length(b), typeof(c), c, typeof(d), hex(d) FROM v"))
            #expect(row[0] as String == "text" && row[1] as String == "")
            #expect(row[2] as String == "blob" && row[3] as Int == 0)
            #expect(row[4] as String == "real" && row[5] as Double == 2.5)
            #expect(row[6] as String == "blob" && row[7] as String == "0102")
            let read = try db.cachedStatement(sql: "SELECT a, NULL FROM v").withFirstRow { row in (row?.text(0), row?.text(1)) }
            #expect(read.0 == "" && read.1 == nil)
        }
    }

    /// Too few or too many values fail (a reset keeps the last ones, which would be reused).
    @Test func theNumberOfValuesMustMatchTheParameters() throws {
        try database().write { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO t (name, n) VALUES (?, ?)")
            try insert.executeBound(.text("a"), .integer(1))
            let few = try #require(throws: DatabaseError.self) { try insert.executeBound(.text("b")) }
            #expect(few.extendedResultCode == .SQLITE_MISUSE)
            #expect(throws: DatabaseError.self) { try insert.executeBound(.text("c"), .integer(3), .null) }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 1)
        }
    }

    /// A statement that returns rows runs to its end (`RETURNING`).
    @Test func aStatementReturningRowsCompletes() throws {
        try database().write { db in
            try db.cachedStatement(sql: "INSERT INTO t (name) VALUES (?), (?) RETURNING id").executeBound(.text("a"), .text("b"))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 2)
        }
    }

    @Test func aFailedStatementReportsSQLitesErrorAndStaysUsable() throws {
        try database().write { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO t (name, n) VALUES (?, ?)")
            try insert.executeBound(.text("a"), .integer(1))
            let error = try #require(throws: DatabaseError.self) { try insert.executeBound(.text("a"), .integer(2)) }
            #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
            #expect(error.message == "UNIQUE constraint failed: t.name")
            // The same cached statement runs again, with new values.
            try insert.executeBound(.text("b"), .integer(3))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 2)
            #expect(try Int64.fetchOne(db, sql: "SELECT n FROM t WHERE name = 'b'") == 3)
        }
    }
}
