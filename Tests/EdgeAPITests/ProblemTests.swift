import Foundation
import Testing
@testable import EdgeAPI

@Suite struct ProblemTests {
    @Test func wireFormIsRFC9457WithCodeAndFields() throws {
        let problem = Problem.validation([FieldProblem(field: "cidr_v4", code: "invalid-cidr", message: "is not a CIDR")])
        let json = try JSONSerialization.jsonObject(with: Data(problem.body(instance: "/v1/x", requestID: "r-1"))) as? [String: Any]
        #expect(json?["type"] as? String == "urn:ovn-edge:problem:validation-failed")
        #expect(json?["status"] as? Int == 422)
        #expect(json?["code"] as? String == "validation-failed")
        #expect(json?["instance"] as? String == "/v1/x")
        #expect(json?["request_id"] as? String == "r-1")
        let errors = json?["errors"] as? [[String: Any]]
        #expect(errors?.first?["field"] as? String == "cidr_v4")
        #expect(json?["used_by"] == nil)
    }

    @Test func usedByIsListed() throws {
        let problem = Problem(status: 409, code: .eipInUse, title: "in use", usedBy: [.init(kind: "fip", id: "f1")])
        let json = try JSONSerialization.jsonObject(with: Data(problem.body(instance: nil, requestID: nil))) as? [String: Any]
        #expect((json?["used_by"] as? [[String: Any]])?.first?["kind"] as? String == "fip")
    }
}
