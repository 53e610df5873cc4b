import EdgeCore
import Foundation
import Synchronization

/// EIP addressing this process stored or read, for the reconciler's references: a pass over
/// 10,000 new FIPs found all their EIPs here instead of scanning the table (~35 ms). Never
/// stale: an EIP's network, addresses and MAC cannot change and ids are never reused, so an
/// entry is right or names an EIP nothing can refer to (a create rolled back, or one deleted,
/// which only unused EIPs can be). Bounded: emptied when full.
final class EIPAddressingCache: Sendable {
    private let entries = Mutex<[UUID: EIPAddressing]>([:])
    let capacity: Int

    init(capacity: Int = 65_536) {
        self.capacity = capacity
    }

    func remember(_ addressing: some Sequence<EIPAddressing>) {
        entries.withLock { entries in
            for item in addressing {
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
                entries[item.id] = item
            }
        }
    }

    /// The cached ones among `ids`; the rest in `missing`.
    func lookup(_ ids: some Sequence<UUID>) -> (found: [UUID: EIPAddressing], missing: [UUID]) {
        entries.withLock { entries in
            var found: [UUID: EIPAddressing] = [:]
            var missing: [UUID] = []
            for id in ids {
                if let item = entries[id] { found[id] = item } else { missing.append(id) }
            }
            return (found, missing)
        }
    }
}
