import Testing
@testable import EdgeCore

@Suite struct FloatingIPDefaultsTests {
    let eip = ResourceReference.name("e1")
    let ip = IPAddress("192.168.0.2")!

    @Test func distributedDefaultsToStatelessAndCentralizedDoesNot() {
        #expect(FloatingIPSpec(eip: eip, router: "r", internalIP: ip, logicalPort: "p", mode: .distributed).stateless)
        #expect(!FloatingIPSpec(eip: eip, router: "r", internalIP: ip).stateless)
    }

    @Test func anExplicitChoiceWins() {
        #expect(!FloatingIPSpec(eip: eip, router: "r", internalIP: ip, logicalPort: "p", mode: .distributed, stateless: false).stateless)
        #expect(FloatingIPSpec(eip: eip, router: "r", internalIP: ip, stateless: true).stateless)
    }
}
