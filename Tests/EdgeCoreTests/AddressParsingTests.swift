import EdgeCore
import Testing

@Suite struct AddressParsingTests {
    @Test func ipv4RoundTrips() {
        #expect(IPv4Address("192.0.2.1")?.description == "192.0.2.1")
        for bad in ["", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.2.3.-4", "a.b.c.d", "1..2.3"] {
            #expect(IPv4Address(bad) == nil, "\(bad)")
        }
    }
}
