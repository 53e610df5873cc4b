import Testing
@testable import EdgeAPI

@Suite struct ObjectReaderTests {
    struct BadCIDR: FieldErrorConvertible {
        var fieldCode: String { "invalid-cidr" }
        var fieldMessage: String { "is not a CIDR" }
    }

    func reader(_ text: String) throws -> ObjectReader { try ObjectReader(body: Array(text.utf8)) }

    @Test func readsTypedFields() throws {
        var body = try reader(#"{"name":"n","port":8080,"on":true,"tags":["a","b"],"labels":{"k":"v"}}"#)
        #expect(body.string("name") == "n")
        #expect(body.integer("port", in: 1...65535) == 8080)
        #expect(body.bool("on") == true)
        #expect(body.stringArray("tags") == ["a", "b"])
        #expect(body.stringMap("labels") == ["k": "v"])
        try body.finish()
    }

    @Test func collectsEveryProblemAtOnce() throws {
        var body = try reader(#"{"port":70000,"on":"yes","extra":1,"cidr":"x","tags":["a",2]}"#)
        _ = body.string("name", required: true)
        _ = body.integer("port", in: 1...65535)
        _ = body.bool("on")
        _ = body.parse("cidr") { _ -> Int in throw BadCIDR() }
        _ = body.stringArray("tags")
        do {
            try body.finish()
            Issue.record("expected a validation problem")
        } catch {
            #expect(error.status == 422)
            #expect(error.code == .validationFailed)
            let found = Set(error.errors.map { "\($0.field):\($0.code)" })
            #expect(found == ["name:required", "port:out-of-range", "on:invalid-type", "cidr:invalid-cidr",
                              "tags[1]:invalid-type", "extra:unknown-field"])
        }
    }

    @Test func fractionalPortIsNotAnInteger() throws {
        var body = try reader(#"{"port":8080.0}"#)
        #expect(body.integer("port", in: 1...65535) == nil)
        #expect(body.errors.first?.code == "invalid-type")
    }

    @Test func duplicateKeysAreMalformed() {
        #expect { try reader(#"{"a":1,"a":2}"#) } throws: { ($0 as? Problem)?.code == .malformedJSON }
    }

    @Test func bodyMustBeAnObject() {
        #expect { try reader("[1]") } throws: { ($0 as? Problem)?.detail?.contains("array") == true }
        #expect { try reader("{bad") } throws: { ($0 as? Problem)?.status == 400 }
    }

    @Test func nullableStringDistinguishesNullFromAbsent() throws {
        var body = try reader(#"{"a":null,"b":"x"}"#)
        guard case .null = body.nullableString("a") else { Issue.record("a should be null"); return }
        guard case .value("x") = body.nullableString("b") else { Issue.record("b should be x"); return }
        guard case .absent = body.nullableString("c") else { Issue.record("c should be absent"); return }
        try body.finish()
    }

    @Test func immutableFieldsAreNamed() throws {
        var body = try reader(#"{"eip":"e1","labels":{}}"#)
        body.rejectPresent(["eip", "router"])
        _ = body.stringMap("labels")
        #expect { try body.finish() } throws: {
            let problem = $0 as? Problem
            return problem?.errors == [FieldProblem(field: "eip", code: "immutable-field", message: "cannot be changed")]
        }
    }
}
