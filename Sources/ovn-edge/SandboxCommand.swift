import ArgumentParser
import Foundation
import OVNSandbox

/// `ovn-edge sandbox start|stop|status --dir DIR`: a local OVN for development.
struct SandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local OVN (NB + SB ovsdb-server and ovn-northd) on unix sockets under a folder.",
        subcommands: [Start.self, Stop.self, Status.self]
    )

    struct Location: ParsableArguments {
        @Option(name: .long, help: "Folder holding the databases, sockets, pidfiles and logs.")
        var dir: String = "./.data/ovn"
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start whatever is not running yet and print the connection strings.")
        @OptionGroup var location: Location
        @Flag(help: "Start only the Northbound database (no SB, no northd).")
        var northboundOnly = false

        func run() throws {
            let sandbox = try openSandbox(location.dir)
            let started = try sandbox.start(northboundOnly ? .northboundOnly : .full)
            if started.isEmpty {
                FileHandle.standardError.write(Data("sandbox already running in \(sandbox.directory)\n".utf8))
            }
            print("OVN_NB_DB=\(sandbox.nbRemote)")
            if !northboundOnly { print("OVN_SB_DB=\(sandbox.sbRemote)") }
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the daemons this folder's pidfiles name.")
        @OptionGroup var location: Location
        func run() throws { try openSandbox(location.dir).stop() }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show which daemons run; exit status 3 when any is stopped.")
        @OptionGroup var location: Location
        func run() throws {
            let statuses = try openSandbox(location.dir).status()
            for status in statuses {
                print("\(status.name): " + (status.pid.map { "running (pid \($0))" } ?? "stopped"))
            }
            if statuses.contains(where: { !$0.running }) { throw ExitCode(3) }
        }
    }
}

/// Opens a sandbox, turning a missing OVN installation into a one-line message and exit 2.
func openSandbox(_ dir: String) throws -> OVNSandbox {
    do {
        return try OVNSandbox(directory: dir)
    } catch let error as OVNSandboxError {
        FileHandle.standardError.write(Data("ovn-edge: \(error)\n".utf8))
        throw ExitCode(2)
    }
}
