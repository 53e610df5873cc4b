import EdgeStore
import EdgeSync
import Foundation
import Logging

/// The reconciler of `ovn-edge serve`: started once the store is open, against `--ovn-nb` or
/// the embedded sandbox's NB, and cancelled on shutdown.
final class SyncService: Sendable {
    let reconciler: Reconciler
    private let task: Task<Void, Never>

    private init(reconciler: Reconciler, task: Task<Void, Never>) {
        self.reconciler = reconciler
        self.task = task
    }

    /// Starts reconciling `store` into the NB at `nbRemote` (ovsdb notation, comma-separated).
    static func start(store: Store, signals: StoreSignals, nbRemote: String,
                      options: ReconcilerOptions = ReconcilerOptions()) -> SyncService {
        let reconciler = Reconciler(store: store, signals: signals, nbRemotes: nbRemote, options: options,
                                    logger: Logger(label: "ovn-edge.sync"))
        let task = Task {
            do {
                try await reconciler.run()
            } catch {
                FileHandle.standardError.write(Data("ovn-edge: reconciler stopped: \(error)\n".utf8))
            }
        }
        return SyncService(reconciler: reconciler, task: task)
    }

    var state: EdgeSync.SyncState { reconciler.state }

    /// Cancels the reconciler and waits until it has closed its NB connection.
    func stop() async {
        task.cancel()
        await task.value
    }
}
