import EdgeCore
import Foundation
import Testing

/// The hand-written UUID text and parser agree with Foundation's.
@Suite struct UUIDTextTests {
    static let ids = (0..<2_000).map { _ in UUID() } + [
        UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
        UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)),
    ]

    @Test func textSameAsFoundation() {
        for id in Self.ids {
            #expect(id.lowercaseText == id.uuidString.lowercased())
            #expect(id.uppercaseText == id.uuidString)
        }
    }

    @Test func parsesWhatFoundationParses() {
        for id in Self.ids {
            #expect(UUID(text: id.lowercaseText) == id)
            #expect(UUID(text: id.uuidString) == id)
        }
        let text = Self.ids[0].lowercaseText
        var odd = ["", "web", "public-network", text + " ", " " + text, "{\(text)}", String(text.dropLast()), text.replacingOccurrences(of: "-", with: ""),
                   text.replacingOccurrences(of: "-", with: "_"), "g" + text.dropFirst(), "+" + text.dropFirst(), String(text.prefix(35)) + "é",
                   "00000000-0000-0000-0000-00000000000G", "0000000-00000-0000-0000-000000000000"]
        odd += (0..<36).map { String(repeating: "a", count: $0) }
        for candidate in odd {
            #expect(UUID(text: candidate) == UUID(uuidString: candidate), "\(candidate)")
        }
    }

    @Test func randomIDsAreVersion4AndDistinct() {
        let ids = (0..<10_000).map { _ in UUID.random() }
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(1_000) {
            let text = id.lowercaseText
            #expect(text[text.index(text.startIndex, offsetBy: 14)] == "4")
            #expect("89ab".contains(text[text.index(text.startIndex, offsetBy: 19)]))
        }
    }
}
