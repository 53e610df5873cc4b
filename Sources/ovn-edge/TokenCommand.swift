import ArgumentParser
import EdgeAPI
import EdgeStore
import Foundation

/// `ovn-edge token create|list|revoke`: API tokens, straight in the data folder's database (so it
/// works while `serve` runs, and before its first start).
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke API bearer tokens.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Location: ParsableArguments {
        @Option(help: "Data folder holding ovn-edge.sqlite. Env: OVN_EDGE_DATA_DIR. Default: ./.data")
        var dataDir: String?

        func openStore() throws -> Store {
            try openMigratedStore(dataDir: dataDir ?? ProcessInfo.processInfo.environment["OVN_EDGE_DATA_DIR"] ?? "./.data")
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token and print its secret (on stdout, once; only a hash is stored)."
        )
        @OptionGroup var location: Location
        @Option(help: "viewer (reads), operator (also writes EIPs and rules), admin (also external networks).")
        var role: String
        @Option(help: "Limit the token to one project's objects.")
        var project: String?
        @Option(help: "Unique name, recorded as the actor of its changes. Default: <role>-<id>.")
        var name: String?

        func run() throws {
            guard let role = Role(rawValue: role) else { throw ValidationError("--role must be viewer, operator or admin") }
            let store = try location.openStore()
            defer { try? store.close() }
            do {
                let (record, bearer) = try TokenIssuer.issue(store, role: role, project: project, name: name)
                print(bearer)
                FileHandle.standardError.write(Data("created token \(record.name) (id \(record.id), role \(record.role), project \(record.project ?? "all")); the secret above is not shown again\n".utf8))
            } catch let error as TokenIssuer.Failure {
                throw ValidationError(error.description)
            } catch let error as TokenStoreError {
                throw ValidationError(error.description)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")
        @OptionGroup var location: Location
        @Flag(help: "Include revoked tokens.")
        var all = false

        func run() throws {
            let store = try location.openStore()
            defer { try? store.close() }
            let formatter = ISO8601DateFormatter()
            print(["ID", "NAME", "ROLE", "PROJECT", "CREATED", "REVOKED"].joined(separator: "\t"))
            for token in try store.tokens.list(includeRevoked: all) {
                print([token.id, token.name, token.role, token.project ?? "*", formatter.string(from: token.createdAt),
                       token.revokedAt.map(formatter.string) ?? "-"].joined(separator: "\t"))
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by id or name; requests with it get 401 at once.")
        @OptionGroup var location: Location
        @Argument(help: "Token id or name.")
        var token: String

        func run() throws {
            let store = try location.openStore()
            defer { try? store.close() }
            do {
                let record = try store.tokens.revoke(token)
                print("revoked token \(record.name) (id \(record.id))")
            } catch let error as TokenStoreError {
                FileHandle.standardError.write(Data("ovn-edge: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
