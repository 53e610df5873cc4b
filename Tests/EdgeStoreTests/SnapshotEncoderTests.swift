import EdgeCore
@testable import EdgeStore
import Foundation
import Testing

/// The store's own JSON writer must produce exactly what Foundation's JSONEncoder (sorted keys,
/// unescaped slashes, our dates) wrote before, for every stored shape.
@Suite struct SnapshotEncoderTests {
    func same<T: Encodable>(_ value: T, _ comment: Comment? = nil) throws {
        let fast = try #require(try SnapshotEncoder.encode(value), comment)
        #expect(fast == (try JSONCoding.foundationEncode(value)), comment)
    }

    static let awkwardLabels = [
        "b": "2", "a": "1", "A": "upper", "a10": "x", "a2": "y", "_": "u", "ü": "umlaut", "k8s.io/name": "a/b",
        "quote\"key": "back\\slash", "ctl": "line\nfeed\ttab\u{01}\u{1F}", "emoji": "🚀", "empty": "",
    ]

    @Test func resourcesOfEveryKindAndAwkwardStrings() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let network = try fixture.network(cidrV6: "2001:db8::/64", exclude: ["192.0.2.200..192.0.2.210"])
        try same(network)
        let eip = try store.eips.create(ResourceInput(name: "web", labels: ["tier": "a"], spec: EIPSpec(network: .name("public"))), context: fixture.user)
        try same(eip)
        // Values the API would refuse still have to come out the same (snapshots of anything).
        var awkward = eip
        awkward.metadata.name = "web \"quoted\"\n\u{7F}"
        awkward.metadata.project = "p/1"
        awkward.metadata.labels = Self.awkwardLabels
        try same(awkward)
        try fixture.eip(name: "nat")
        try same(try store.fips.create(ResourceInput(labels: ["x": "y"], spec: FloatingIPSpec(eip: .id(eip.id), router: "r1", internalIP: IPAddress("10.0.0.5")!)), context: fixture.user))
        try same(try store.snatRules.create(ResourceInput(spec: SNATRuleSpec(eip: .name("nat"), router: "r1", internalCIDR: IPCIDR("10.0.0.0/24")!)), context: fixture.user))
        try same(try store.dnatRules.create(ResourceInput(spec: DNATRuleSpec(eip: .name("nat"), router: "r1", protocol: .tcp, externalPort: Port(80)!,
                                                                             internalIP: IPAddress("10.0.0.6")!, internalPort: Port(8080)!)), context: fixture.user))
        try same(Self.awkwardLabels)
        try same([String: String]())
        let status = SyncStatus(phase: .error, observedRevision: 3, message: "NB said \"no\"", conditions: [
            StatusCondition(type: "Ready", status: .false, reason: "Conflict", message: nil, lastTransitionTime: Date(timeIntervalSince1970: 1_750_000_000.5)),
            StatusCondition(type: "Synced", status: .unknown, reason: nil, message: "é", lastTransitionTime: Date(timeIntervalSince1970: 0)),
        ])
        try same(status)
        try same(status.conditions)
        try same([StatusCondition]())
    }

    @Test func floatingPointFallsBackToJSONEncoder() throws {
        struct Measured: Encodable { let seconds: Double }
        #expect(try SnapshotEncoder.encode(Measured(seconds: 1.5)) == nil)
        #expect(try JSONCoding.encode(Measured(seconds: 1.5)) == (try JSONCoding.foundationEncode(Measured(seconds: 1.5))))
    }
}
