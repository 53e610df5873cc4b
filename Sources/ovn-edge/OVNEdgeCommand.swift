import ArgumentParser

@main
struct OVNEdgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ovn-edge",
        abstract: "Manages the edge of OVN virtual networks: EIPs, floating IPs, SNAT, DNAT, router gateways, mirrors.",
        version: OVNEdgeVersion.string,
        subcommands: [ServeCommand.self, SandboxCommand.self, MigrateCommand.self, TokenCommand.self, VersionCommand.self, StoreCrashWriterCommand.self]
    )
}

enum OVNEdgeVersion {
    static let string = "0.1.0"
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")
    func run() { print("ovn-edge \(OVNEdgeVersion.string)") }
}
