import ArgumentParser
import EdgeCore
import EdgeStore
import Foundation

/// Hidden, for EdgeStoreTests' crash test: commits `--committed` EIP allocations one per
/// transaction, then starts one more write that allocates an EIP for a new router gateway and,
/// just before its commit, prints "in-transaction" and sleeps until killed.
struct StoreCrashWriterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store-crash-writer",
        abstract: "Test helper: write to the store and hang inside a transaction.",
        shouldDisplay: false
    )

    @Option var dataDir: String
    @Option var network: String
    @Option var committed = 10

    func run() throws {
        let writes = WriteCounter()
        let hangAfter = committed
        var configuration = StoreConfiguration()
        configuration.beforeCommit = {
            guard writes.next() > hangAfter else { return }
            FileHandle.standardOutput.write(Data("in-transaction\n".utf8))
            while true { sleep(60) }
        }
        let store = try Store.open(dataDirectory: dataDir, configuration: configuration)
        let context = ChangeContext(actor: "crash-writer")
        for _ in 0..<committed {
            _ = try store.eips.create(ResourceInput(spec: EIPSpec(network: ResourceReference(network))), context: context)
        }
        FileHandle.standardOutput.write(Data("committed \(committed)\n".utf8))
        _ = try store.routerGateways.create(
            ResourceInput(name: "crash-gateway", spec: RouterGatewaySpec(router: "r1", network: ResourceReference(network))),
            context: context
        )
        print("the hanging write returned")
    }
}

/// Counts write transactions across the hook's calls.
final class WriteCounter: @unchecked Sendable {
    // Safe: `count` is only touched under `lock`.
    private let lock = NSLock()
    private var count = 0
    func next() -> Int { lock.withLock { count += 1; return count } }
}
