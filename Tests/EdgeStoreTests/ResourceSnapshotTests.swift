import EdgeCore
@testable import EdgeStore
import Foundation
import Testing

/// Snapshots written member by member (`ResourceSnapshot`) must be exactly what Foundation's
/// JSONEncoder (sorted keys, unescaped slashes, our dates) writes for the same value: the change
/// log keeps them and the API shows them (/v1/changes).
@Suite struct ResourceSnapshotTests {
    static let conditions = [
        StatusCondition(type: "Ready", status: .false, reason: "Conflict", message: "NB said \"no\"\n", lastTransitionTime: Date(timeIntervalSince1970: 1_750_000_000.5)),
        StatusCondition(type: "Synced", status: .unknown, reason: nil, message: nil, lastTransitionTime: Date(timeIntervalSince1970: 0)),
        StatusCondition(type: "Z/é", status: .true, reason: "", message: "🚀 a/b \u{1}", lastTransitionTime: Date(timeIntervalSince1970: 1_800_000_000.123)),
    ]

    static let statuses = [
        SyncStatus.pending,
        SyncStatus(phase: .ready, observedRevision: 7),
        SyncStatus(phase: .error, observedRevision: 3, message: "router \"r1\" is missing", conditions: conditions),
        SyncStatus(phase: .deleting, observedRevision: 1, message: "", conditions: [conditions[1]]),
    ]

    @Test func floatingIPsAndEIPsAsStoredAndVaried() throws {
        let fixture = try StoreFixture()
        try fixture.network(cidrV6: "2001:db8::/64")
        let eip = try fixture.eip(name: "web")
        let fip = try fixture.store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .id(eip.id), router: "r1", internalIP: IPAddress("10.0.0.5")!)), context: fixture.user)
        try same(eip)
        try same(fip)
        let names: [String?] = [nil, "fip-1", "web \"quoted\"\n\u{7F}", "ü/slash\\"]
        let labels: [[String: String]] = [[:], ["a": "1"], SnapshotEncoderTests.awkwardLabels]
        let ports: [String?] = [nil, "lsp-1", "quote\"d"]
        for (index, name) in names.enumerated() {
            for label in labels {
                for (portIndex, port) in ports.enumerated() {
                    var variant = fip
                    variant.metadata.name = name
                    variant.metadata.labels = label
                    variant.metadata.project = index % 2 == 0 ? "default" : "p/1"
                    variant.metadata.revision = Int64(index * 1_000_000_007)
                    variant.spec.logicalPort = port
                    variant.spec.mode = portIndex % 2 == 0 ? .centralized : .distributed
                    variant.spec.stateless = portIndex == 1
                    variant.spec.eip = portIndex == 2 ? .name("web") : .id(eip.id)
                    variant.spec.internalIP = IPAddress(portIndex == 2 ? "fd00::5" : "10.0.0.5")!
                    variant.status = Self.statuses[(index + portIndex) % Self.statuses.count]
                    try same(variant)
                    var eipVariant = eip
                    eipVariant.metadata.name = name
                    eipVariant.metadata.labels = label
                    eipVariant.spec.ipV6 = portIndex == 1 ? IPv6Address("2001:db8::7") : nil
                    eipVariant.spec.ipV4 = portIndex == 2 ? nil : eipVariant.spec.ipV4
                    eipVariant.spec.usage = portIndex == 2 ? .routerGateway : .nat
                    eipVariant.status = variant.status
                    try same(eipVariant)
                }
            }
        }
    }

    @Test func statusesConditionsAndLabels() throws {
        for status in Self.statuses {
            #expect(ResourceSnapshot.encode(status) == (try JSONCoding.foundationEncode(status)))
            #expect(ResourceSnapshot.encode(status.conditions) == (try JSONCoding.foundationEncode(status.conditions)))
            #expect(try JSONCoding.encode(status.conditions) == (try JSONCoding.foundationEncode(status.conditions)))
        }
        for labels in [[:], ["a": "1", "B": "2"], SnapshotEncoderTests.awkwardLabels] {
            #expect(ResourceSnapshot.encode(labels) == (try JSONCoding.foundationEncode(labels)))
            #expect(try JSONCoding.encode(labels) == (try JSONCoding.foundationEncode(labels)))
        }
    }

    /// The create entry in the change log and the binding entry on the EIP, as written by the store.
    @Test func changeLogOfACreateIsTheResourceAsJSONEncoderWritesIt() throws {
        let fixture = try StoreFixture()
        try fixture.network()
        let eip = try fixture.eip()
        let fip = try fixture.store.fips.create(ResourceInput(name: "f", labels: ["k": "v"], spec: FloatingIPSpec(eip: .id(eip.id), router: "r1", internalIP: IPAddress("10.0.0.9")!, logicalPort: "lsp")), context: fixture.user)
        let entries = try fixture.store.changeLog.entries(ChangeLogQuery(limit: 100)).items
        let create = try #require(entries.first { $0.objectID == fip.id && $0.action == .create })
        #expect(create.after == (try JSONCoding.foundationEncode(fip)))
        #expect(create.before == nil)
        let bind = try #require(entries.first { $0.objectID == eip.id && $0.action == .bind })
        #expect(bind.after == (try JSONCoding.foundationEncode(["by": fip.reference.description])))
    }

    func same<Spec>(_ resource: Resource<Spec>, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try ResourceSnapshot.encode(resource) == (try JSONCoding.foundationEncode(resource)), sourceLocation: sourceLocation)
    }
}
