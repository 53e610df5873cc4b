import Foundation
import OVSDB
import Testing

/// OVSDB's UUID text against Foundation's.
@Suite struct OVSDBUUIDTests {
    @Test func roundTripsAgainstFoundation() {
        for _ in 0..<2_000 {
            let id = UUID()
            #expect(id.ovsdbString == id.uuidString.lowercased())
            #expect(UUID(ovsdb: id.uuidString) == id)
            #expect(UUID(ovsdb: id.ovsdbString) == id)
        }
        let edges = [UUID.zero, UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))]
        for id in edges { #expect(UUID(ovsdb: id.ovsdbString) == id && id.ovsdbString == id.uuidString.lowercased()) }
    }

    @Test func rejectsWhatIsNotTheCanonicalForm() {
        let good = "0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b"
        #expect(UUID(ovsdb: good) != nil)
        let bad = [
            "", String(good.dropLast()), good + "0", good.replacingOccurrences(of: "-", with: "_"),
            "0f8e2a4c1b3d-4e5f-8a9b-0c1d2e3f4a5b0", "0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5g", "{0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5}",
        ]
        for text in bad { #expect(UUID(ovsdb: text) == nil, "\(text)") }
    }
}
