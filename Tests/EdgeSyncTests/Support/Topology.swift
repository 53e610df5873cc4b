import EdgeCore
import EdgeStore
import Foundation
import OVNSandbox
import TestSupport

/// The seed scenario's NB: an `external` switch, router `vpc1` with subnet `192.168.0.0/24`
/// on switch `subnet1`, and two pods. Mirrors Kube-OVN's listing in the seeds.
enum Topology {
    static let routerMAC = "00:00:00:a8:9f:b5"
    static let pod1MAC = "00:00:00:c4:5b:ce"
    static let pod2MAC = "00:00:00:f2:0d:7b"

    static func build(_ sandbox: OVNSandbox) throws {
        try sandbox.nbctl(arguments: [
            "ls-add", "external", "--", "ls-add", "subnet1", "--", "lr-add", "vpc1",
            "--", "lrp-add", "vpc1", "vpc1-subnet1", routerMAC, "192.168.0.1/24",
            "--", "lsp-add", "subnet1", "subnet1-vpc1", "--", "lsp-set-type", "subnet1-vpc1", "router",
            "--", "lsp-set-addresses", "subnet1-vpc1", "router", "--", "lsp-set-options", "subnet1-vpc1", "router-port=vpc1-subnet1",
            "--", "lsp-add", "subnet1", "pod1", "--", "lsp-set-addresses", "pod1", "\(pod1MAC) 192.168.0.2",
            "--", "lsp-add", "subnet1", "pod2", "--", "lsp-set-addresses", "pod2", "\(pod2MAC) 192.168.0.3",
        ])
    }

    /// The external network on the existing `external` switch with a localnet port.
    static func network(_ store: Store) throws -> ExternalNetwork {
        try store.networks.create(ResourceInput(name: "ext", spec: ExternalNetworkSpec(
            logicalSwitch: "external", cidrV4: IPv4CIDR("172.19.0.0/16")!, gatewayV4: IPv4Address("172.19.0.1")!,
            exclude: [], gatewayChassis: ["chassis-1", "chassis-2"], localnetNetwork: "physnet")), context: .system)
    }

    static func eip(_ store: Store, _ ip: String) throws -> EIP {
        try store.eips.create(ResourceInput(spec: EIPSpec(network: .name("ext"), ipV4: IPv4Address(ip)!)), context: .system)
    }
}
