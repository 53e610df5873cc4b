import EdgeCore
@testable import EdgeStore
import Foundation
import Testing

/// `eips.addresses(of:)` answers what the EIP rows hold, whether the writer just resolved the EIP
/// for a rule (cached) or not (read).
@Suite struct EIPAddressesTests {
    @Test func resolvedAndUnresolvedEIPsAndUnknownIDs() throws {
        let fixture = try StoreFixture()
        try fixture.network(cidrV6: "2001:db8::/64")
        let used = try fixture.eip()
        let dual = try fixture.store.eips.create(ResourceInput(spec: EIPSpec(network: .name("public"), ipV6: IPv6Address("2001:db8::9"))), context: fixture.user)
        let unused = try fixture.eip()
        _ = try fixture.store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .id(used.id), router: "r1", internalIP: IPAddress("10.0.0.5")!)), context: fixture.user)
        _ = try fixture.store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .id(dual.id), router: "r1", internalIP: IPAddress("fd00::5")!)), context: fixture.user)
        #expect(fixture.store.eipAddresses.addresses(used.id) != nil)
        #expect(fixture.store.eipAddresses.addresses(unused.id) == nil)
        let unknown = UUID()
        let found = try fixture.store.eips.addresses(of: [used.id, dual.id, unused.id, unknown, used.id])
        #expect(found.count == 3)
        for eip in [used, dual, unused] {
            #expect(found[eip.id] == EIPAddresses(ipV4: eip.spec.ipV4?.description, ipV6: eip.spec.ipV6?.description))
        }
        #expect(found[dual.id]?.address(.v6) == "2001:db8::9")
        #expect(found[unknown] == nil)
    }

    /// A rule that failed after resolving its EIP leaves a cache entry that is still the EIP's.
    @Test func aFailedCreateLeavesTheEIPsTrueAddresses() throws {
        let fixture = try StoreFixture()
        try fixture.network()
        let eip = try fixture.eip()
        _ = try fixture.store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .id(eip.id), router: "r1", internalIP: IPAddress("10.0.0.5")!)), context: fixture.user)
        #expect(throws: StoreError.self) {
            try fixture.store.fips.create(ResourceInput(spec: FloatingIPSpec(eip: .id(eip.id), router: "r2", internalIP: IPAddress("10.0.0.6")!)), context: fixture.user)
        }
        #expect(try fixture.store.eips.addresses(of: [eip.id])[eip.id]?.address(.v4) == eip.spec.ipV4?.description)
    }
}
