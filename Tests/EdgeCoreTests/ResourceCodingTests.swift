import EdgeCore
import Foundation
import Testing

@Suite struct ResourceCodingTests {
    @Test func resourcesEncodeFlatInSnakeCaseAndRoundTrip() throws {
        let fip = FloatingIP(
            metadata: ResourceMetadata(id: UUID(), name: "web", labels: ["team": "a"], revision: 3,
                                       createdAt: Date(timeIntervalSince1970: 1_700_000_000), updatedAt: Date(timeIntervalSince1970: 1_700_000_100)),
            spec: FloatingIPSpec(eip: .id(UUID()), router: "r1", internalIP: IPAddress("10.0.0.5")!, logicalPort: "vm1", mode: .distributed, stateless: true),
            status: SyncStatus(phase: .ready, observedRevision: 3, conditions: [
                StatusCondition(type: "Programmed", status: .true, lastTransitionTime: Date(timeIntervalSince1970: 1_700_000_200)),
            ])
        )
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(fip)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["id", "name", "project", "labels", "revision", "created_at", "updated_at", "eip", "router", "internal_ip", "logical_port", "mode", "stateless", "status"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let status = try #require(object["status"] as? [String: Any])
        #expect(status["observed_revision"] as? Int == 3)
        #expect(object["internal_ip"] as? String == "10.0.0.5")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(FloatingIP.self, from: data) == fip)
    }
}
