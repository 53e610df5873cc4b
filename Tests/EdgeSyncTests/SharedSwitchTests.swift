import EdgeCore
import EdgeStore
import EdgeSync
import Foundation
import OVNSandbox
import Testing
import TestSupport

/// A network may name an existing switch, but not one another ovn-edge network created: that
/// switch — and with it every port on it — goes when its network is deleted.
@Suite(.serialized) struct SharedSwitchTests {
    @Test func networkNamingAnotherNetworksSwitchIsAConflict() async throws {
        try await withOVN(.northboundOnly) { sandbox in
            let fixture = try SyncFixture(sandbox: sandbox)
            try fixture.nbctl("ls-add", "operator-made")
            let owner = try fixture.store.networks.create(ResourceInput(name: "public-a", spec: ExternalNetworkSpec(
                cidrV4: IPv4CIDR("172.19.0.0/16")!, gatewayV4: IPv4Address("172.19.0.1")!)), context: .system)
            fixture.startReconciler()
            fixture.changed()
            #expect(try await fixture.eventually { try fixture.store.networks.get(.id(owner.id)).status.phase == .ready })
            let borrower = try fixture.store.networks.create(ResourceInput(name: "public-b", spec: ExternalNetworkSpec(
                logicalSwitch: "public-a", cidrV4: IPv4CIDR("172.20.0.0/16")!, gatewayV4: IPv4Address("172.20.0.1")!)), context: .system)
            let plain = try fixture.store.networks.create(ResourceInput(name: "public-c", spec: ExternalNetworkSpec(
                logicalSwitch: "operator-made", cidrV4: IPv4CIDR("172.21.0.0/16")!, gatewayV4: IPv4Address("172.21.0.1")!)), context: .system)
            fixture.changed()
            #expect(try await fixture.eventually { try fixture.store.networks.get(.id(borrower.id)).status.phase == .error })
            let failed = try fixture.store.networks.get(.id(borrower.id)).status
            #expect(failed.conditions.first?.reason == "ConflictingRow")
            #expect(failed.message?.contains(owner.id.uuidString.lowercased()) == true, "names the switch row: \(failed.message ?? "")")
            #expect(try fixture.store.networks.get(.id(owner.id)).status.phase == .ready)
            #expect(try await fixture.eventually { try fixture.store.networks.get(.id(plain.id)).status.phase == .ready },
                    "a switch ovn-edge does not manage may be named")
            await fixture.stopAll()
        }
    }
}
