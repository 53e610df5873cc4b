import EdgeCore
import EdgeStore
import EdgeSync
import Foundation
import OVNSandbox
import TestSupport

/// A store in a temp folder, a real OVN (NB + SB + northd), and reconcilers run against them.
final class SyncFixture: @unchecked Sendable {
    // Safe: `tasks` is only touched under `lock`; everything else is immutable after init.
    let sandbox: OVNSandbox
    let folder: TemporaryDirectory
    let store: Store
    let signals = StoreSignals()
    private let lock = NSLock()
    private var tasks: [Task<Void, Never>] = []

    init(sandbox: OVNSandbox) throws {
        self.sandbox = sandbox
        folder = try TemporaryDirectory(prefix: "sync")
        store = try Store.open(dataDirectory: folder.path)
        try store.migrate()
    }

    deinit {
        for task in tasks { task.cancel() }
        try? store.close()
        folder.remove()
    }

    /// Starts a reconciler on this fixture's store (or another's) and returns it.
    @discardableResult
    func startReconciler(options: ReconcilerOptions = ReconcilerOptions(fullResyncInterval: 30, driftDebounce: 0.05, retryDelay: 0.2),
                         store: Store? = nil, signals: StoreSignals? = nil) -> (Reconciler, Task<Void, Never>) {
        let reconciler = Reconciler(store: store ?? self.store, signals: signals ?? self.signals, nbRemotes: sandbox.nbRemote, options: options)
        let task = Task { _ = try? await reconciler.run() }
        lock.withLock { tasks.append(task) }
        return (reconciler, task)
    }

    func stopAll() async {
        let running = lock.withLock { tasks }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }

    /// Tells the reconcilers the desired state changed (what the API does after a write).
    func changed() { signals.raise(.desiredState) }

    /// Polls `condition` until it holds or `timeout` seconds pass; returns whether it held.
    @discardableResult
    func eventually(timeout: Double = 30, _ condition: () throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return try condition()
    }

    @discardableResult
    func nbctl(_ arguments: String...) throws -> String { try sandbox.nbctl(arguments: arguments) }

    /// The `ovn-nbctl create` argument that marks a hand-made row as written by this fixture's
    /// deployment (rows without it are legacy rows, which are not removed as orphans).
    func deploymentStamp() throws -> String {
        "external_ids:ovn-edge\\:deployment=\"\(try store.deploymentID().uuidString.lowercased())\""
    }

    /// NB rows of a table, one `_uuid` per line (`ovn-nbctl --columns=_uuid find`).
    func count(_ table: String, _ conditions: String...) throws -> Int {
        let output = try sandbox.nbctl(arguments: ["--bare", "--columns=_uuid", "find", table] + conditions)
        return output.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
    }

    /// Rows ovn-edge owns, all tables.
    func ownedRowCount() throws -> Int {
        var total = 0
        for table in ["Logical_Switch", "Logical_Switch_Port", "Logical_Router_Port", "Gateway_Chassis", "Logical_Router_Static_Route", "NAT", "Load_Balancer", "Mirror"] {
            total += try sandbox.nbctl(arguments: ["--bare", "--columns=_uuid", "find", table, "external_ids:ovn-edge\\:owner!=\"\""]).split(separator: "\n").count
        }
        return total
    }
}
